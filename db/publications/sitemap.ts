import "server-only";
import { and, asc, desc, gte, lt, or, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { executor, type Ctx } from "../context";
import { publications } from "../schema";
import { visibleIn } from "./queries";

/** Articles per sitemap file (the protocol allows 50,000; smaller files are friendlier to crawl). */
export const SITEMAP_CHUNK = 10_000;

/** How many article sitemaps there are: one per id range, so each is an index range scan. */
export async function countSitemapChunks(ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db.select({ maxId: sql<number | null>`max(${publications.articleId})` }).from(publications);
  return row.maxId ? Math.floor(Number(row.maxId) / SITEMAP_CHUNK) + 1 : 0;
}

export async function listSitemapChunk(chunk: number, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  return db
    .select({ sectionSlug: publications.sectionSlug, slug: publications.slug, updatedAt: publications.updatedAt })
    .from(publications)
    .where(and(visibleIn({}), gte(publications.articleId, chunk * SITEMAP_CHUNK), lt(publications.articleId, (chunk + 1) * SITEMAP_CHUNK)))
    .orderBy(asc(publications.articleId));
}

/** URLs in one news sitemap file: Google News reads at most 1,000 and wants the rest in more files. */
export const NEWS_SITEMAP_FILE = 1000;

/** The news sitemap's window: what was published in the last 48 hours. */
const NEWS_SINCE = sql`now() - interval '48 hours'`;

/** Publications of live blogs that are live now. */
function liveNow() {
  return sql`${publications.articleId} = any(array(select a.id from articles a where a.live_state = 'live'))`;
}

/** What the news sitemap lists: articles published in the last 48 hours, and live blogs while they are live. */
function newsWhere() {
  return and(
    visibleIn({}),
    or(
      gte(publications.publishedAt, NEWS_SINCE),
      // An array, not EXISTS: a subquery in an OR is checked row by row (a scan of every
      // publication to count them); `= any(array)` lets the planner OR two index scans.
      liveNow(),
    ),
  );
}

/**
 * How many news sitemap files there are (at least one, perhaps empty). A busy newsroom publishes
 * more than 1,000 articles in 48 hours (a million-article archive over a year: about 5,500).
 */
export async function countNewsSitemapFiles(ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(publications).where(newsWhere());
  return Math.max(1, Math.ceil(Number(row.n) / NEWS_SITEMAP_FILE));
}

/**
 * Google News sitemap file `file` (from 0): articles published in the last 48 hours, and live
 * blogs for as long as they are live (their coverage is news however long ago it began), newest
 * first, 1,000 a file. A UNION ALL of the two, not one OR: the 48 hours are read newest first from
 * the publication-date index and stop after this file's last row, where the OR made PostgreSQL
 * fetch and sort all of them (about 5,400 rows on a million-article archive: 26 ms at p95).
 */
export async function listNewsSitemap(file: number, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const columns = {
    articleId: publications.articleId,
    sectionSlug: publications.sectionSlug,
    slug: publications.slug,
    headline: publications.headline,
    language: publications.language,
    publishedAt: publications.publishedAt,
  };
  const through = (file + 1) * NEWS_SITEMAP_FILE;
  const recent = db
    .select(columns)
    .from(publications)
    .where(and(visibleIn({}), gte(publications.publishedAt, NEWS_SINCE)))
    .orderBy(desc(publications.publishedAt), desc(publications.articleId))
    .limit(through);
  // Live blogs not already among the 48 hours: the two parts never share a row (no deduplication).
  const live = db
    .select(columns)
    .from(publications)
    .where(and(visibleIn({}), liveNow(), lt(publications.publishedAt, NEWS_SINCE)));
  const rows = await unionAll(recent, live)
    .orderBy(desc(sql`published_at`), desc(sql`article_id`))
    .limit(NEWS_SITEMAP_FILE)
    .offset(file * NEWS_SITEMAP_FILE);
  return rows.map((row) => ({ sectionSlug: row.sectionSlug, slug: row.slug, headline: row.headline, language: row.language, publishedAt: row.publishedAt }));
}
