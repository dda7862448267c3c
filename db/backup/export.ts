import "server-only";
// Writes every table and every media file to a folder (see format.ts). Reads happen in one
// repeatable-read transaction, so a backup taken while PostgreSQL serves the app is one
// consistent moment — never an article without its revisions.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { readMedia, type MediaStorage } from "@/lib/media/storage";
import type { Db } from "../client";
import { listTables, migrationState, rows } from "./catalog";
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, manifestFile, mediaFolder, SECRET_COLUMNS, tableFile, type Manifest } from "./format";

const PAGE = 1000;

export type ExportOptions = {
  db: Db;
  storage: MediaStorage;
  out: string;
  withPasswordHashes?: boolean;
  engine?: Manifest["engine"];
  log?: (line: string) => void;
};

export async function exportBackup({ db, storage, out, withPasswordHashes = false, engine = "unknown", log = () => undefined }: ExportOptions): Promise<Manifest> {
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) {
    throw new BackupError(`${out} is not empty. Choose a new folder for the backup, so no older backup is mixed into it.`);
  }
  fs.mkdirSync(path.join(out, "tables"), { recursive: true });

  const counts: Record<string, number> = {};
  const mediaKeys: string[] = [];
  const migrations = await db.transaction(
    async (tx) => {
      const state = await migrationState(tx as unknown as Db);
      for (const table of await listTables(tx as unknown as Db)) {
        const hidden = withPasswordHashes ? [] : (SECRET_COLUMNS[table.name] ?? []);
        // `jsonb - text[]` drops the columns that stay out of this backup.
        const drop = sql.raw(`array[${hidden.map((c) => `'${c}'`).join(",")}]::text[]`);
        const orderBy = sql.raw(table.primaryKey.map((c) => `t."${c}"`).join(", "));
        const file = fs.openSync(tableFile(out, table.name), "w");
        let count = 0;
        try {
          for (let offset = 0; ; offset += PAGE) {
            const page = await rows<{ line: string }>(
              tx as unknown as Db,
              sql`select (to_jsonb(t) - ${drop})::text as line from ${sql.identifier(table.name)} t order by ${orderBy} limit ${PAGE} offset ${offset}`,
            );
            if (page.length > 0) fs.writeSync(file, page.map((r) => r.line + "\n").join(""));
            count += page.length;
            if (table.name === "media") {
              for (const { line } of page) {
                const row = JSON.parse(line) as { storage_key: string; variants: { key: string }[] };
                mediaKeys.push(row.storage_key, ...row.variants.map((v) => v.key));
              }
            }
            if (page.length < PAGE) break;
          }
        } finally {
          fs.closeSync(file);
        }
        counts[table.name] = count;
        log(`  ${table.name}: ${count} rows`);
      }
      return state;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );

  // Files after the rows: a file uploaded meanwhile has no row in this backup and is not needed.
  let files = 0;
  let bytes = 0;
  const missing: string[] = [];
  for (const key of [...new Set(mediaKeys)]) {
    const object = await readMedia(storage, key);
    if (!object) {
      missing.push(key);
      continue;
    }
    const target = path.join(mediaFolder(out), ...key.split("/"));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, object.bytes);
    files += 1;
    bytes += object.bytes.byteLength;
  }
  log(`  media: ${files} files, ${bytes} bytes${missing.length ? `, ${missing.length} missing in storage` : ""}`);

  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    engine,
    migrations,
    passwordHashes: withPasswordHashes,
    tables: counts,
    media: { files, bytes, missing },
  };
  // Last: a folder with a manifest is a complete backup.
  fs.writeFileSync(manifestFile(out), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
