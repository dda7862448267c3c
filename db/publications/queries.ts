import "server-only";
import { and, desc, eq, getTableColumns, lte, sql } from "drizzle-orm";
import type { ArticleTeaser, ReaderArticle } from "@/lib/reader/types";
import { READER_COMMENT_LIMIT, type ReaderComment } from "../comments/queries";
import { statementName, type Db } from "../client";
import { executor, isSlug, type Ctx } from "../context";
import { articles, articleViews, comments, publications } from "../schema";

/** Readers only ever see publications that are due (scheduled ones appear by data, not timers). */
export const isVisible = lte(publications.visibleFrom, sql`now()`);

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

/** The columns a teaser shows, for every list of publications (lists, fronts, placements). */
export const teaserColumns = {
  id: publications.articleId,
  sectionSlug: publications.sectionSlug,
  sectionName: publications.sectionName,
  slug: publications.slug,
  headline: publications.headline,
  standfirst: publications.standfirst,
  language: publications.language,
  bylines: publications.bylines,
  publishedAt: publications.publishedAt,
  leadImage: publications.leadImage,
};

type TeaserRow = { [K in keyof typeof teaserColumns]: (typeof publications.$inferSelect)[K extends "id" ? "articleId" : K] };

export function toTeaser({ slug, publishedAt, ...r }: TeaserRow): ArticleTeaser {
  return { ...r, href: `/${r.sectionSlug}/${slug}`, publishedAt: publishedAt.toISOString() };
}

/** Newest visible articles, optionally of one section, one author (byline slug) or one tag. */
export async function listLatest(
  { limit = 20, offset = 0, sectionSlug, authorSlug, tagSlug }: { limit?: number; offset?: number } & ListScope = {},
  ctx?: Pick<Ctx, "tx">,
): Promise<ArticleTeaser[]> {
  const db = await executor(ctx);
  const rows = await db
    .select(teaserColumns)
    .from(publications)
    .where(visibleIn({ sectionSlug, authorSlug, tagSlug }))
    .orderBy(desc(publications.publishedAt), desc(publications.articleId))
    .limit(limit)
    .offset(offset);
  return rows.map(toTeaser);
}

/** A publication with its plain text (search, diffs, the desk's preview): what readers see and more. */
export type PublishedArticle = ReaderArticle & { bodyText: string };

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

export type ArticlePage = {
  article: ReaderArticle;
  commentsOpen: boolean;
  views: number;
  comments: { count: number; items: ReaderComment[] };
};

type CommentsJson = { count: number; items: { id: number; authorName: string; body: string; createdAt: number }[] };

/** The article page's statement for one database or transaction, with the address as placeholders. */
function articlePageQuery(db: Db) {
  const { search, bodyText, visibleFrom, ...columns } = getTableColumns(publications);
  void search;
  void bodyText;
  void visibleFrom;
  const approved = and(eq(comments.articleId, publications.articleId), eq(comments.status, "approved"));
  return db
    .select({
      ...columns,
      commentsOpen: articles.commentsOpen,
      views: sql<number>`coalesce(${articleViews.count}, 0)`,
      // One subquery for the list and the count (a window over all approved, before the limit):
      // fewer subplans to plan, and PGlite plans every statement anew. Times as milliseconds
      // since the epoch: exact to the millisecond on both drivers.
      comments: sql<CommentsJson | string>`(
        select json_build_object('count', coalesce(max(c.total), 0), 'items', coalesce(json_agg(json_build_object(
                 'id', c.id, 'authorName', c.author_name, 'body', c.body, 'createdAt', floor(extract(epoch from c.created_at) * 1000)
               ) order by c.created_at, c.id), '[]'))
        from (select ${comments.id} as id, ${comments.authorName} as author_name, ${comments.body} as body,
                     ${comments.createdAt} as created_at, count(*) over () as total
              from ${comments} where ${approved}
              order by ${comments.createdAt}, ${comments.id} limit ${READER_COMMENT_LIMIT}) c)`,
    })
    .from(publications)
    .innerJoin(articles, eq(articles.id, publications.articleId))
    .leftJoin(articleViews, eq(articleViews.articleId, publications.articleId))
    .where(and(eq(publications.sectionSlug, sql.placeholder("sectionSlug")), eq(publications.slug, sql.placeholder("slug")), isVisible))
    .limit(1)
    .prepare(statementName("article_page"));
}

/** Built once per database (and per test transaction): no SQL is composed per page. */
const articlePageQueries = new WeakMap<Db, ReturnType<typeof articlePageQuery>>();

/**
 * Everything a reader's article page shows, in one statement: the publication snapshot, whether
 * comments are open, the view count and the approved comments (oldest first) with their count.
 * A page nobody has asked for yet is rendered from this one indexed read.
 */
export async function getArticlePage(sectionSlug: string, slug: string, ctx?: Pick<Ctx, "tx">): Promise<ArticlePage | null> {
  if (!isSlug(sectionSlug) || !isSlug(slug)) return null; // from the URL: "%00" must not reach the database
  const db = await executor(ctx);
  let query = articlePageQueries.get(db);
  if (!query) articlePageQueries.set(db, (query = articlePageQuery(db)));
  const [row] = await query.execute({ sectionSlug, slug });
  if (!row) return null;
  const { commentsOpen, views, comments: list, publishedAt, updatedAt, ...article } = row;
  const { count, items } = typeof list === "string" ? (JSON.parse(list) as CommentsJson) : list;
  return {
    article: { ...article, publishedAt: publishedAt.toISOString(), updatedAt: updatedAt.toISOString() },
    commentsOpen,
    views: Number(views),
    comments: {
      count: Number(count),
      items: items.map((c) => ({ id: c.id, authorName: c.authorName, body: c.body, createdAt: new Date(Number(c.createdAt)).toISOString() })),
    },
  };
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
