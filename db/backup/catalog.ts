import "server-only";
// What a backup covers, read from the database's own catalog rather than a hand-kept list:
// a table added by a later migration is exported without anyone remembering to add it here.
import { sql } from "drizzle-orm";
import type { Db } from "../client";

/**
 * Tables left out of a backup, and why. Everything else in the `public` schema is content.
 * rate_limits: sign-in and comment counters for the current quarter hour, keyed by e-mail and
 * client address — state, not content, and personal data a backup should not carry.
 * user_sessions: who is signed in where (browser, address) — a restore must not revive sessions.
 * webauthn_challenges: passkey challenges open for a few minutes — state, not content.
 * media_objects, media_object_chunks: the media files themselves when they are kept in the
 * database (COPYDESK_MEDIA_STORAGE=postgres). A backup carries them as files under media/, read
 * from and written back to whichever store is configured, like any other.
 */
export const EXCLUDED_TABLES = new Set(["rate_limits", "user_sessions", "webauthn_challenges", "media_objects", "media_object_chunks"]);

export type TableInfo = {
  name: string;
  primaryKey: string[];
  /** Identity or serial columns whose sequence must be moved past the imported ids. */
  sequenced: string[];
  /** Nullable columns, so the import can break a reference cycle on them. */
  nullable: Set<string>;
};

export type ForeignKey = { table: string; columns: string[]; references: string };

type Row = Record<string, unknown>;

export async function rows<T = Row>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function listTables(db: Db): Promise<TableInfo[]> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname`,
  );
  const keys = await rows<{ table: string; column: string }>(
    db,
    sql`select tc.table_name as "table", kcu.column_name as "column"
        from information_schema.table_constraints tc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
        where tc.table_schema = 'public' and tc.constraint_type = 'PRIMARY KEY'
        order by tc.table_name, kcu.ordinal_position`,
  );
  const columns = await rows<{ table: string; column: string; nullable: string; sequenced: boolean }>(
    db,
    sql`select table_name as "table", column_name as "column", is_nullable as nullable,
               (is_identity = 'YES' or coalesce(column_default, '') like 'nextval(%') as sequenced
        from information_schema.columns where table_schema = 'public'`,
  );
  return tables
    .filter((t) => !EXCLUDED_TABLES.has(t.name))
    .map((t) => {
      const mine = columns.filter((c) => c.table === t.name);
      const primaryKey = keys.filter((k) => k.table === t.name).map((k) => k.column);
      if (primaryKey.length === 0) throw new Error(`Table ${t.name} has no primary key; the backup cannot order or match its rows.`);
      return {
        name: t.name,
        primaryKey,
        sequenced: mine.filter((c) => c.sequenced).map((c) => c.column),
        nullable: new Set(mine.filter((c) => c.nullable === "YES").map((c) => c.column)),
      };
    });
}

export async function listForeignKeys(db: Db): Promise<ForeignKey[]> {
  const found = await rows<{ name: string; table: string; references: string; columns: string[] | string }>(
    db,
    sql`select con.conname as name, src.relname as "table", dst.relname as "references",
               array(select a.attname::text from unnest(con.conkey) with ordinality k(num, pos)
                     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.pos) as columns
        from pg_constraint con
        join pg_class src on src.oid = con.conrelid
        join pg_class dst on dst.oid = con.confrelid
        join pg_namespace n on n.oid = src.relnamespace
        where con.contype = 'f' and n.nspname = 'public'
        order by con.conname`,
  );
  return found.map((f) => ({
    table: f.table,
    references: f.references,
    // node-postgres parses text[]; PGlite may hand back the literal "{a,b}".
    columns: Array.isArray(f.columns) ? f.columns : String(f.columns).replace(/^\{|\}$/g, "").split(","),
  }));
}

export type InsertPlan = {
  /** Tables in an order where every reference points at rows already inserted... */
  order: string[];
  /** ...except these nullable columns, written as null first and filled in afterwards. */
  deferred: Map<string, string[]>;
};

/**
 * Orders tables parents-first. A cycle (users.avatar_media_id → media, media.uploaded_by_id →
 * users) is broken on a nullable reference: those columns are inserted empty and set once
 * every table is in.
 */
export function planInserts(tables: TableInfo[], foreignKeys: ForeignKey[]): InsertPlan {
  const names = new Set(tables.map((t) => t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  let edges = foreignKeys.filter((f) => names.has(f.table) && names.has(f.references));
  const deferred = new Map<string, string[]>();
  const defer = (fk: ForeignKey) => {
    deferred.set(fk.table, [...(deferred.get(fk.table) ?? []), ...fk.columns]);
    edges = edges.filter((e) => e !== fk);
  };
  // A table referring to itself would need its rows ordered; deferring the column avoids that.
  for (const fk of edges.filter((e) => e.table === e.references)) defer(fk);

  const order: string[] = [];
  const remaining = new Set(names);
  while (remaining.size > 0) {
    const ready = [...remaining].filter((t) => !edges.some((e) => e.table === t && remaining.has(e.references)));
    if (ready.length > 0) {
      for (const t of ready.sort()) {
        order.push(t);
        remaining.delete(t);
      }
      continue;
    }
    const breakable = edges.find(
      (e) => remaining.has(e.table) && remaining.has(e.references) && e.columns.every((c) => byName.get(e.table)!.nullable.has(c)),
    );
    if (!breakable) throw new Error(`Cannot order tables for import: a reference cycle among ${[...remaining].join(", ")} has no nullable column.`);
    defer(breakable);
  }
  return { order, deferred };
}

export type MigrationState = { count: number; lastHash: string | null; lastCreatedAt: string | null };

/** The schema version: the migrations drizzle has applied (its own bookkeeping table). */
export async function migrationState(db: Db): Promise<MigrationState> {
  const [row] = await rows<{ count: number | string; hash: string | null; created_at: string | number | null }>(
    db,
    sql`select (select count(*) from drizzle.__drizzle_migrations) as count, m.hash, m.created_at
        from (select 1) one left join (select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1) m on true`,
  );
  return { count: Number(row.count), lastHash: row.hash ?? null, lastCreatedAt: row.created_at === null ? null : String(row.created_at) };
}
