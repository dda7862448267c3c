import "server-only";
import { and, asc, count, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { articles, comments, publications, users } from "../schema";
import type { CommentStatus } from "./schemas";

export type ReaderComment = { id: number; authorName: string; body: string; createdAt: string };

/** Most comments one article page shows (oldest first); the count is always the full one. */
export const READER_COMMENT_LIMIT = 500;

export type CommentCounts = Record<CommentStatus, number>;

/** What the moderation queue shows: every article's comments, or one article's. */
export type QueueFilter = { articleId?: number };

const onArticle = ({ articleId }: QueueFilter) => (articleId === undefined ? undefined : eq(comments.articleId, articleId));

/** How many comments each status holds, for the queue's tabs. */
export async function countCommentsByStatus(filter: QueueFilter = {}, ctx?: Pick<Ctx, "tx">): Promise<CommentCounts> {
  const db = await executor(ctx);
  const rows = await db.select({ status: comments.status, n: count() }).from(comments).where(onArticle(filter)).groupBy(comments.status);
  const counts: CommentCounts = { pending: 0, approved: 0, rejected: 0, spam: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}

export type QueueComment = {
  id: number;
  articleId: number;
  headline: string;
  /** The reader's address of the article, while it is visible. */
  href: string | null;
  commentsOpen: boolean;
  authorName: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
  moderatedAt: string | null;
  moderatedBy: string | null;
};

export const QUEUE_PAGE_SIZE = 50;

/**
 * One page of comments in a status, on every article or on one. Pending ones oldest first (first
 * come, first moderated); decided ones newest decision first.
 */
export async function listModerationQueue(
  { status = "pending", page = 1, ...filter }: { status?: CommentStatus; page?: number } & QueueFilter = {},
  ctx?: Pick<Ctx, "tx">,
): Promise<{ status: CommentStatus; page: number; pages: number; total: number; items: QueueComment[] }> {
  const db = await executor(ctx);
  const inQueue = and(eq(comments.status, status), onArticle(filter));
  const [{ total }] = await db.select({ total: count() }).from(comments).where(inQueue);
  const pages = Math.max(1, Math.ceil(Number(total) / QUEUE_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  const visible = and(eq(publications.articleId, comments.articleId), lte(publications.visibleFrom, sql`now()`));
  const rows = await db
    .select({
      id: comments.id,
      articleId: comments.articleId,
      headline: articles.headline,
      sectionSlug: publications.sectionSlug,
      slug: publications.slug,
      commentsOpen: articles.commentsOpen,
      authorName: comments.authorName,
      body: comments.body,
      status: comments.status,
      createdAt: comments.createdAt,
      moderatedAt: comments.moderatedAt,
      moderatedBy: users.name,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .leftJoin(publications, visible)
    .leftJoin(users, eq(users.id, comments.moderatedById))
    .where(inQueue)
    .orderBy(
      ...(status === "pending"
        ? [asc(comments.createdAt), asc(comments.id)]
        : [desc(sql`coalesce(${comments.moderatedAt}, ${comments.createdAt})`), desc(comments.id)]),
    )
    .limit(QUEUE_PAGE_SIZE)
    .offset((current - 1) * QUEUE_PAGE_SIZE);
  return {
    status,
    page: current,
    pages,
    total: Number(total),
    items: rows.map(({ sectionSlug, slug, createdAt, moderatedAt, ...r }) => ({
      ...r,
      href: sectionSlug && slug ? `/${sectionSlug}/${slug}` : null,
      createdAt: createdAt.toISOString(),
      moderatedAt: moderatedAt?.toISOString() ?? null,
    })),
  };
}

/** The article a filtered queue is about (its working headline, as the queue shows), or null. */
export async function getCommentQueueArticle(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<{ articleId: number; headline: string } | null> {
  const db = await executor(ctx);
  const [row] = await db.select({ articleId: articles.id, headline: articles.headline }).from(articles).where(eq(articles.id, articleId));
  return row ?? null;
}

export type CommentArticle = {
  articleId: number;
  headline: string;
  href: string;
  commentsOpen: boolean;
  pending: number;
  approved: number;
};

/** Articles readers can see, newest first, with their comment counts and whether comments are open. */
export async function listCommentArticles({ limit = 30 }: { limit?: number } = {}, ctx?: Pick<Ctx, "tx">): Promise<CommentArticle[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({
      articleId: publications.articleId,
      headline: publications.headline,
      sectionSlug: publications.sectionSlug,
      slug: publications.slug,
      commentsOpen: articles.commentsOpen,
      pending: sql<number>`(select count(*) from ${comments} where ${comments.articleId} = ${publications.articleId} and ${comments.status} = 'pending')::int`,
      approved: sql<number>`(select count(*) from ${comments} where ${comments.articleId} = ${publications.articleId} and ${comments.status} = 'approved')::int`,
    })
    .from(publications)
    .innerJoin(articles, eq(articles.id, publications.articleId))
    .where(and(lte(publications.visibleFrom, sql`now()`), isNotNull(publications.publishedAt)))
    .orderBy(desc(publications.publishedAt))
    .limit(limit);
  return rows.map(({ sectionSlug, slug, ...r }) => ({ ...r, href: `/${sectionSlug}/${slug}`, pending: Number(r.pending), approved: Number(r.approved) }));
}
