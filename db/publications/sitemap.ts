import "server-only";
import { and, asc, desc, gte, lt, or, sql } from "drizzle-orm";
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

/**
 * Google News sitemap: articles published in the last 48 hours, and live blogs for as long as
 * they are live (their coverage is news however long ago it began) — at most 1,000.
 */
export async function listNewsSitemap(ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  return db
    .select({
      sectionSlug: publications.sectionSlug,
      slug: publications.slug,
      headline: publications.headline,
      language: publications.language,
      publishedAt: publications.publishedAt,
    })
    .from(publications)
    .where(
      and(
        visibleIn({}),
        or(
          gte(publications.publishedAt, sql`now() - interval '48 hours'`),
          sql`exists (select 1 from articles a where a.id = ${publications.articleId} and a.live_state = 'live')`,
        ),
      ),
    )
    .orderBy(desc(publications.publishedAt))
    .limit(1000);
}
