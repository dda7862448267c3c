import "server-only";
import { eq, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { publications } from "../schema";
import { searchDocument } from "./snapshot";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import type { PublishedTag } from "@/lib/reader/types";

/**
 * Live publications carry their tags denormalised (name + slug) and fold the tag names into
 * their search document. When a tag is renamed or merged, every publication that shows one
 * of `fromSlugs` gets `to` in its place (once, at the first place it appeared) and a fresh
 * search document, in the caller's transaction — readers see the new name at once.
 * `updatedAt` stays: this is not an update of the article's content.
 */
export async function replaceTagInPublications(tx: Db, fromSlugs: string[], to: PublishedTag): Promise<number> {
  if (fromSlugs.length === 0) return 0;
  const containsAny = or(...fromSlugs.map((slug) => sql`${publications.tags} @> ${JSON.stringify([{ slug }])}::jsonb`));
  const rows = await tx
    .select({
      articleId: publications.articleId,
      language: publications.language,
      headline: publications.headline,
      standfirst: publications.standfirst,
      bodyText: publications.bodyText,
      tags: publications.tags,
    })
    .from(publications)
    .where(containsAny)
    .for("update");
  await announceReaderChange(tx, [readerTags.all]); // tag names show on articles, lists and tag pages
  const from = new Set(fromSlugs);
  for (const row of rows) {
    const next: PublishedTag[] = [];
    for (const tag of row.tags) {
      const replaced = from.has(tag.slug) ? to : tag;
      if (!next.some((t) => t.slug === replaced.slug)) next.push({ name: replaced.name, slug: replaced.slug });
    }
    await tx
      .update(publications)
      .set({ tags: next, search: searchDocument({ ...row, tags: next }) })
      .where(eq(publications.articleId, row.articleId));
  }
  return rows.length;
}

/** Every live publication in a section shows the section's name: keep it in step with a rename. */
export async function renameSectionInPublications(tx: Db, sectionSlug: string, sectionName: string): Promise<void> {
  await tx.update(publications).set({ sectionName }).where(eq(publications.sectionSlug, sectionSlug));
  await announceReaderChange(tx, [readerTags.all]);
}
