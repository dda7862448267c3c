import "server-only";
import { and, eq } from "drizzle-orm";
import { bodyText, countWords, parseBody } from "@/lib/content/body";
import { Invalid } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { articles, sections } from "../schema";
import { uniqueSlug } from "../slugs";

/** Checks the section and body of an article write and derives the server-owned fields. */
export async function prepareArticleFields(
  tx: Db,
  data: { headline: string; sectionId: number; body: unknown },
) {
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, data.sectionId));
  if (!section) throw new Invalid({ sectionId: ["validation.sectionUnknown"] });
  const node = parseBody(data.body);
  return { body: node.toJSON(), wordCount: countWords(bodyText(node)) };
}

/** A slug from the headline that is free in the section (ignoring the article itself). */
export function slugForHeadline(tx: Db, headline: string, sectionId: number, articleId?: number) {
  const base = slugify(headline) || "artikel";
  return uniqueSlug(
    tx,
    articles,
    articles.slug,
    base,
    and(eq(articles.sectionId, sectionId)),
    articleId ? { column: articles.id, value: articleId } : undefined,
  );
}
