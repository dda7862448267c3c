// A fingerprint of every table (row count and a digest of the rows), to prove that a refused
// or failed call wrote nothing at all — not just nothing in the table it was aimed at.
import { getTableName, is, sql } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import * as schema from "../schema";

const TABLES = (Object.values(schema) as unknown[])
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

export type DbState = Record<string, { rows: number; digest: string }>;

/** With `digest: false` only row counts (cheaper, for loops of thousands of calls). */
export async function databaseState(tx: Db, { digest = true } = {}): Promise<DbState> {
  const rowDigest = digest ? `md5(coalesce(string_agg(x::text, ',' order by x::text), ''))` : `''`;
  const parts = TABLES.map((name) => `select '${name}' as t, count(*)::int as n, ${rowDigest} as d from "${name}" x`);
  // (A union's rows come in no particular order: PostgreSQL may run its parts in parallel.)
  const result = (await tx.execute(sql.raw(`${parts.join(" union all ")} order by t`))) as unknown as { rows: { t: string; n: number; d: string }[] };
  return Object.fromEntries(result.rows.map((r) => [r.t, { rows: Number(r.n), digest: r.d }]));
}

/** The tables whose fingerprint differs, sorted by name, e.g. ["article_revisions", "articles"]. */
export function changedTables(before: DbState, after: DbState): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t]?.digest !== after[t]?.digest || before[t]?.rows !== after[t]?.rows)
    .sort();
}

export const TABLE_NAMES: readonly string[] = TABLES;
