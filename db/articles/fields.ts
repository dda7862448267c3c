import "server-only";
import { and, eq } from "drizzle-orm";
import { bodyText, countWords, parseBody } from "@/lib/content/body";
import { Invalid } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { articles, publications, sections } from "../schema";
import { uniqueSlug } from "../slugs";

/** Checks the section and body of an article write and derives the server-owned fields. */
export async function prepareArticleFields(
  tx: Db,
  data: { headline: string; sectionId: number | null; body: unknown },
) {
  if (data.sectionId !== null) {
    const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, data.sectionId));
    if (!section) throw new Invalid({ sectionId: ["validation.sectionUnknown"] });
  }
  const node = parseBody(data.body);
  return { body: node.toJSON(), wordCount: countWords(bodyText(node)) };
}

/**
 * A slug that is free in the section — among working copies and among live publications
 * (a moved article's old address stays taken until it is republished) — ignoring the article itself.
 */
export async function freeSlug(tx: Db, base: string, sectionId: number, articleId?: number): Promise<string> {
  for (;;) {
    const candidate = await uniqueSlug(
      tx,
      articles,
      articles.slug,
      base,
      and(eq(articles.sectionId, sectionId)),
      articleId ? { column: articles.id, value: articleId } : undefined,
    );
    const [live] = await tx
      .select({ id: publications.articleId })
      .from(publications)
      .innerJoin(sections, eq(sections.slug, publications.sectionSlug))
      .where(and(eq(sections.id, sectionId), eq(publications.slug, candidate)));
    if (!live || live.id === articleId) return candidate;
    base = `${candidate}-2`;
  }
}

export function slugForHeadline(tx: Db, headline: string, sectionId: number, articleId?: number) {
  return freeSlug(tx, slugify(headline) || "artikel", sectionId, articleId);
}
