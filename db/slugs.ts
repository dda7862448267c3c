import "server-only";
import { and, like, ne, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/** `base`, or `base-2`, `base-3` … whichever is free within `scope`. */
export async function uniqueSlug(
  tx: Db,
  table: PgTable,
  column: AnyPgColumn,
  base: string,
  scope?: SQL,
  exclude?: { column: AnyPgColumn; value: number },
): Promise<string> {
  const conditions = [like(column, `${base}%`), scope, exclude ? ne(exclude.column, exclude.value) : undefined];
  const rows = (await tx
    .select({ slug: column })
    .from(table)
    .where(and(...conditions.filter(Boolean)))) as { slug: string }[];
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
