import "server-only";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { bodyText, renderBody, parseBody } from "@/lib/content/body";
import { Invalid } from "@/lib/errors";
import type { Db } from "../client";
import {
  articleAuthors,
  articleTags,
  publications,
  relatedLinks,
  sections,
  tags,
  users,
  articleCorrections,
  media,
} from "../schema";
import { imageSources } from "@/lib/media/urls";
import type { PublishedCorrection, PublishedImage, PublishedRelated } from "@/lib/reader/types";
import type { ArticleRow } from "../articles/load";

/**
 * Builds the reader-facing snapshot of an article: pre-rendered, sanitized HTML and the
 * denormalised bylines, tags and related links, so a reader page is a single read.
 */
export async function buildSnapshot(tx: Db, article: ArticleRow) {
  // Publishing checks readiness first; a draft without a section never gets here.
  if (article.sectionId === null) throw new Invalid({ sectionId: ["validation.sectionRequired"] });
  const [section] = await tx
    .select({ slug: sections.slug, name: sections.name })
    .from(sections)
    .where(eq(sections.id, article.sectionId));
  const bylines = await tx
    .select({ name: users.name, slug: users.slug })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(eq(articleAuthors.articleId, article.id))
    .orderBy(asc(articleAuthors.position));
  const tagRows = await tx
    .select({ name: tags.name, slug: tags.slug })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, article.id))
    .orderBy(asc(articleTags.position));
  const links = await tx
    .select()
    .from(relatedLinks)
    .where(eq(relatedLinks.articleId, article.id))
    .orderBy(asc(relatedLinks.position));
  const targetIds = links.map((l) => l.targetArticleId).filter((id): id is number => id !== null);
  const targets = targetIds.length
    ? await tx
        .select({ id: publications.articleId, sectionSlug: publications.sectionSlug, slug: publications.slug })
        .from(publications)
        .where(inArray(publications.articleId, targetIds))
    : [];
  const related: PublishedRelated[] = [];
  for (const link of links) {
    if (link.targetArticleId !== null) {
      const target = targets.find((t) => t.id === link.targetArticleId);
      // Links to articles that are not live are left out rather than shown broken.
      if (target) related.push({ title: link.title, href: `/${target.sectionSlug}/${target.slug}`, external: false });
    } else if (link.url) {
      related.push({ title: link.title, href: link.url, external: true });
    }
  }
  const [image] = article.leadImageId
    ? await tx.select({ variants: media.variants, width: media.width, height: media.height }).from(media).where(eq(media.id, article.leadImageId))
    : [];
  const leadImage: PublishedImage | null = image
    ? { ...imageSources(image.variants), width: image.width, height: image.height, alt: article.leadAlt, caption: article.leadCaption, credit: article.leadCredit }
    : null;
  const notes = await tx
    .select({ kind: articleCorrections.kind, text: articleCorrections.text, at: articleCorrections.createdAt })
    .from(articleCorrections)
    .where(eq(articleCorrections.articleId, article.id))
    .orderBy(asc(articleCorrections.createdAt), asc(articleCorrections.id));
  const corrections: PublishedCorrection[] = notes.map((n) => ({ kind: n.kind, text: n.text, at: n.at.toISOString() }));
  const node = parseBody(article.body);
  return {
    sectionSlug: section.slug,
    sectionName: section.name,
    slug: article.slug,
    language: article.language,
    headline: article.headline,
    standfirst: article.standfirst,
    seoTitle: article.seoTitle,
    seoDescription: article.seoDescription,
    leadImage,
    corrections,
    bodyHtml: renderBody(node),
    bodyText: bodyText(node),
    bylines,
    tags: tagRows,
    related,
  };
}

/** Postgres text-search configuration for an article language: German or English stemming. */
export function searchConfig(language: "de" | "en") {
  return language === "de" ? sql.raw("'german'::regconfig") : sql.raw("'english'::regconfig");
}

/** The weighted search document: headline (A), standfirst and tags (B), body (C). */
export function searchDocument(s: { language: "de" | "en"; headline: string; standfirst: string; bodyText: string; tags: { name: string }[] }) {
  const cfg = searchConfig(s.language);
  const tagText = s.tags.map((t) => t.name).join(" ");
  return sql`setweight(to_tsvector(${cfg}, ${s.headline}), 'A') || setweight(to_tsvector(${cfg}, ${s.standfirst + " " + tagText}), 'B') || setweight(to_tsvector(${cfg}, ${s.bodyText}), 'C')`;
}
