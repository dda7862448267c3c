import "server-only";
import { and, desc, eq, getTableColumns, lte, sql } from "drizzle-orm";
import { executor, isSlug, type Ctx } from "../context";
import { publications } from "../schema";

/** Readers only ever see publications that are due (scheduled ones appear by data, not timers). */
const isVisible = lte(publications.visibleFrom, sql`now()`);

export type ListScope = { sectionSlug?: string; authorSlug?: string; tagSlug?: string };

/** Visible publications, optionally of one section, author (byline slug) or tag. */
export function visibleIn({ sectionSlug, authorSlug, tagSlug }: ListScope) {
  // jsonb containment, served by the GIN indexes on bylines and tags.
  return and(
    isVisible,
    sectionSlug ? eq(publications.sectionSlug, sectionSlug) : undefined,
    authorSlug ? sql`${publications.bylines} @> ${JSON.stringify([{ slug: authorSlug }])}::jsonb` : undefined,
    tagSlug ? sql`${publications.tags} @> ${JSON.stringify([{ slug: tagSlug }])}::jsonb` : undefined,
  );
}

export type ArticleTeaser = {
  id: number;
  href: string;
  sectionSlug: string;
  sectionName: string;
  headline: string;
  standfirst: string;
  language: "de" | "en";
  bylines: { name: string; slug: string }[];
  publishedAt: string;
};

/** Newest visible articles, optionally of one section, one author (byline slug) or one tag. */
export async function listLatest(
  { limit = 20, offset = 0, sectionSlug, authorSlug, tagSlug }: { limit?: number; offset?: number } & ListScope = {},
  ctx?: Pick<Ctx, "tx">,
): Promise<ArticleTeaser[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({
      id: publications.articleId,
      sectionSlug: publications.sectionSlug,
      sectionName: publications.sectionName,
      slug: publications.slug,
      headline: publications.headline,
      standfirst: publications.standfirst,
      language: publications.language,
      bylines: publications.bylines,
      publishedAt: publications.publishedAt,
    })
    .from(publications)
    .where(visibleIn({ sectionSlug, authorSlug, tagSlug }))
    .orderBy(desc(publications.publishedAt), desc(publications.articleId))
    .limit(limit)
    .offset(offset);
  return rows.map(({ slug, publishedAt, ...r }) => ({
    ...r,
    href: `/${r.sectionSlug}/${slug}`,
    publishedAt: publishedAt.toISOString(),
  }));
}

export type PublishedArticle = Omit<typeof publications.$inferSelect, "publishedAt" | "updatedAt" | "visibleFrom" | "search"> & {
  publishedAt: string;
  updatedAt: string;
};

export async function getVisibleArticle(
  sectionSlug: string,
  slug: string,
  ctx?: Pick<Ctx, "tx">,
): Promise<PublishedArticle | null> {
  if (!isSlug(sectionSlug) || !isSlug(slug)) return null; // from the URL: "%00" must not reach the database
  const db = await executor(ctx);
  // Everything but the search document, which only search reads.
  const { search, ...columns } = getTableColumns(publications);
  void search;
  const [row] = await db
    .select(columns)
    .from(publications)
    .where(and(eq(publications.sectionSlug, sectionSlug), eq(publications.slug, slug), isVisible))
    .limit(1);
  if (!row) return null;
  const { publishedAt, updatedAt, ...rest } = row;
  return { ...omitVisibleFrom(rest), publishedAt: publishedAt.toISOString(), updatedAt: updatedAt.toISOString() };
}

/** The canonical path for a short link `/a/{id}`, or null when nothing is visible. */
export async function getCanonicalPath(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<string | null> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ sectionSlug: publications.sectionSlug, slug: publications.slug })
    .from(publications)
    .where(and(eq(publications.articleId, articleId), isVisible))
    .limit(1);
  return row ? `/${row.sectionSlug}/${row.slug}` : null;
}

function omitVisibleFrom<T extends { visibleFrom: Date }>(row: T): Omit<T, "visibleFrom"> {
  const copy: Partial<T> = { ...row };
  delete copy.visibleFrom;
  return copy as Omit<T, "visibleFrom">;
}

export const LIST_PAGE_SIZE = 20;

/** One page (1-based) of a list, and whether another follows: one query, one row more than shown. */
export async function listPage(scope: ListScope, page: number, ctx?: Pick<Ctx, "tx">): Promise<{ items: ArticleTeaser[]; hasNext: boolean }> {
  const rows = await listLatest({ ...scope, limit: LIST_PAGE_SIZE + 1, offset: (page - 1) * LIST_PAGE_SIZE }, ctx);
  return { items: rows.slice(0, LIST_PAGE_SIZE), hasNext: rows.length > LIST_PAGE_SIZE };
}
