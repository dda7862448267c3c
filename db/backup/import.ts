import "server-only";
// Restores a backup folder into an empty database of the same schema version, in one
// transaction: rows keep their ids, sequences move past them, media files go back into storage.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { sql } from "drizzle-orm";
import { contentTypeOf, type MediaStorage } from "@/lib/media/storage";
import type { Db } from "../client";
import { audit } from "../audit/record";
import { SYSTEM_VIEWER } from "../context";
import { listForeignKeys, listTables, migrationState, planInserts, rows, type TableInfo } from "./catalog";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, manifestFile, mediaFolder, NO_PASSWORD_HASH, tableFile, type Manifest } from "./format";

const BATCH = 500;

export type ImportOptions = { db: Db; storage: MediaStorage; from: string; log?: (line: string) => void };
export type ImportResult = { tables: Record<string, number>; mediaFiles: number; passwordHashes: boolean };

export function readManifest(from: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile(from), "utf8")) as Manifest;
  } catch {
    throw new BackupError(`${from} holds no readable manifest.json; it is not a complete Copydesk backup.`);
  }
  if (manifest.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new BackupError(`${from} is not a Copydesk backup of format ${BACKUP_FORMAT_VERSION}.`);
  }
  return manifest;
}

export async function importBackup({ db, storage, from, log = () => undefined }: ImportOptions): Promise<ImportResult> {
  const manifest = readManifest(from);
  const here = await migrationState(db);
  if (here.count !== manifest.migrations.count || here.lastHash !== manifest.migrations.lastHash) {
    throw new BackupError(
      `The backup was written at schema migration ${manifest.migrations.count}, this database is at ${here.count}. ` +
        "Import it with the Copydesk version that wrote it, then upgrade.",
    );
  }
  const tables = await listTables(db);
  const known = new Map(tables.map((t) => [t.name, t]));
  const unknown = Object.keys(manifest.tables).filter((name) => !known.has(name));
  if (unknown.length) throw new BackupError(`The backup has tables this database lacks: ${unknown.join(", ")}.`);

  const filled: string[] = [];
  for (const t of tables) {
    const [{ n }] = await rows<{ n: number | string }>(db, sql`select count(*) as n from ${sql.identifier(t.name)}`);
    if (Number(n) > 0) filled.push(`${t.name} (${n})`);
  }
  if (filled.length) {
    throw new BackupError(
      `The database is not empty — ${filled.join(", ")}. Import restores into an empty database only: ` +
        "point DATABASE_URL at a new database, or (embedded database) stop the server and move the data folder aside.",
    );
  }

  const plan = planInserts(tables, await listForeignKeys(db));
  const counts: Record<string, number> = {};
  let mediaFiles = 0;
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const later = new Map<string, Record<string, unknown>[]>();
    for (const name of plan.order) {
      const table = known.get(name)!;
      const deferred = plan.deferred.get(name) ?? [];
      let count = 0;
      for await (const batch of readBatches(tableFile(from, name), manifest.tables[name] !== undefined)) {
        for (const row of batch) {
          if (name === "users" && row.password_hash == null) row.password_hash = NO_PASSWORD_HASH;
          if (deferred.some((c) => row[c] != null)) {
            const pending = later.get(name) ?? [];
            pending.push(pick(row, [...table.primaryKey, ...deferred]));
            later.set(name, pending);
            for (const c of deferred) row[c] = null;
          }
        }
        // The database converts each JSON value back into its column type (timestamps, enums, tsvector).
        await tx.execute(
          sql`insert into ${sql.identifier(name)} overriding system value
              select * from jsonb_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(batch)}::jsonb)`,
        );
        count += batch.length;
      }
      if (manifest.tables[name] !== undefined && count !== manifest.tables[name]) {
        throw new BackupError(`${name}: the manifest promises ${manifest.tables[name]} rows, the file holds ${count}. The backup is damaged.`);
      }
      counts[name] = count;
      log(`  ${name}: ${count} rows`);
    }
    for (const [name, updates] of later) await fillDeferred(tx, known.get(name)!, plan.deferred.get(name)!, updates);
    for (const table of tables) await resetSequences(tx, table);
    // Inside the transaction: if a file cannot be stored, no row is left pointing at nothing.
    mediaFiles = await restoreMedia(from, storage);
    log(`  media: ${mediaFiles} files`);
    // After the restored log (its ids are the backup's): the import itself is the next entry.
    await audit(tx, { viewer: SYSTEM_VIEWER }, { action: "backup.import", target: "backup", id: manifest.createdAt ?? null, summary: { rows: Object.values(counts).reduce((a, b) => a + b, 0), mediaFiles, passwordHashes: manifest.passwordHashes } });
  });
  return { tables: counts, mediaFiles, passwordHashes: manifest.passwordHashes };
}

async function* readBatches(file: string, expected: boolean): AsyncGenerator<Record<string, unknown>[]> {
  if (!fs.existsSync(file)) {
    if (expected) throw new BackupError(`${file} is missing. The backup is incomplete.`);
    return;
  }
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  let batch: Record<string, unknown>[] = [];
  for await (const line of lines) {
    if (!line.trim()) continue;
    batch.push(JSON.parse(line) as Record<string, unknown>);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function pick(row: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c, row[c]]));
}

/** Sets the references that were inserted empty to break a cycle, matched by primary key. */
async function fillDeferred(tx: Db, table: TableInfo, columns: string[], updates: Record<string, unknown>[]) {
  const set = sql.join(columns.map((c) => sql`${sql.identifier(c)} = s.${sql.identifier(c)}`), sql`, `);
  const match = sql.join(table.primaryKey.map((c) => sql`t.${sql.identifier(c)} = s.${sql.identifier(c)}`), sql` and `);
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = JSON.stringify(updates.slice(i, i + BATCH));
    await tx.execute(
      sql`update ${sql.identifier(table.name)} t set ${set}
          from jsonb_populate_recordset(null::${sql.identifier(table.name)}, ${batch}::jsonb) s where ${match}`,
    );
  }
}

/** The next id after the highest imported one (or 1 on an empty table). */
async function resetSequences(tx: Db, table: TableInfo) {
  for (const column of table.sequenced) {
    const qualified = `"public".${JSON.stringify(table.name)}`;
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${qualified}, ${column}), coalesce(max(${sql.identifier(column)}), 1), max(${sql.identifier(column)}) is not null)
          from ${sql.identifier(table.name)}`,
    );
  }
}

async function restoreMedia(from: string, storage: MediaStorage): Promise<number> {
  const root = mediaFolder(from);
  if (!fs.existsSync(root)) return 0;
  let count = 0;
  for (const file of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = path.join(file.parentPath, file.name);
    const key = path.relative(root, full).split(path.sep).join("/");
    const contentType = contentTypeOf(key);
    if (!contentType) throw new BackupError(`media/${key} is not a Copydesk media file name; the backup was altered.`);
    await storage.put(key, fs.readFileSync(full), contentType);
    count += 1;
  }
  return count;
}
