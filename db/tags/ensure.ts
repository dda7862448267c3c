import "server-only";
import { inArray } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { tags } from "../schema";

/**
 * Tag ids for the given names, creating the missing ones. Names are de-duplicated
 * case-insensitively ("Klima" and "klima" are one tag); the first spelling wins.
 */
export async function ensureTags(tx: Db, names: string[]): Promise<number[]> {
  const wanted = new Map<string, string>(); // slug → display name
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    const slug = slugify(name);
    if (slug && !wanted.has(slug)) wanted.set(slug, name);
  }
  if (wanted.size === 0) return [];
  const slugs = [...wanted.keys()];
  await tx
    .insert(tags)
    .values(slugs.map((slug) => ({ slug, name: wanted.get(slug)! })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, slugs));
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  return slugs.map((s) => bySlug.get(s)).filter((id): id is number => id !== undefined);
}
