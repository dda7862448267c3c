import "server-only";
import { inArray } from "drizzle-orm";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { tagRedirects, tags } from "../schema";

/**
 * Tag ids for the given names, creating the missing ones. Names are de-duplicated
 * case-insensitively ("Klima" and "klima" are one tag); the first spelling wins. A name whose
 * slug is the old address of a renamed or merged tag means the tag that survived, so typing
 * a merged-away name does not bring it back.
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
  const redirected = new Map(
    (await tx.select({ slug: tagRedirects.slug, tagId: tagRedirects.tagId }).from(tagRedirects).where(inArray(tagRedirects.slug, slugs))).map((r) => [r.slug, r.tagId]),
  );
  const fresh = slugs.filter((s) => !redirected.has(s));
  if (fresh.length) {
    // In slug order, not typed order: a row another open transaction has just inserted makes
    // this insert wait for it, and two saves creating the same new tags in opposite orders
    // would each wait for the other (a deadlock on PostgreSQL). One order for all: no cycle.
    await tx
      .insert(tags)
      .values([...fresh].sort().map((slug) => ({ slug, name: wanted.get(slug)! })))
      .onConflictDoNothing();
  }
  const rows = fresh.length ? await tx.select({ id: tags.id, slug: tags.slug }).from(tags).where(inArray(tags.slug, fresh)) : [];
  const bySlug = new Map(rows.map((r) => [r.slug, r.id]));
  const ids = slugs.map((s) => redirected.get(s) ?? bySlug.get(s)).filter((id): id is number => id !== undefined);
  return [...new Set(ids)]; // "Hafen" and its new name are one tag
}
