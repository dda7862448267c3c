import "server-only";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { publications } from "../schema";

export type FeedScope = { sectionSlug?: string; authorSlug?: string; tagSlug?: string };

/** The newest visible publications with everything a feed entry carries. */
export async function listForFeed(scope: FeedScope, limit = 50, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const filters = [
    lte(publications.visibleFrom, sql`now()`),
    scope.sectionSlug ? eq(publications.sectionSlug, scope.sectionSlug) : undefined,
    scope.authorSlug ? sql`${publications.bylines} @> ${JSON.stringify([{ slug: scope.authorSlug }])}::jsonb` : undefined,
    scope.tagSlug ? sql`${publications.tags} @> ${JSON.stringify([{ slug: scope.tagSlug }])}::jsonb` : undefined,
  ];
  return db
    .select({
      id: publications.articleId,
      sectionSlug: publications.sectionSlug,
      sectionName: publications.sectionName,
      slug: publications.slug,
      headline: publications.headline,
      standfirst: publications.standfirst,
      bodyHtml: publications.bodyHtml,
      language: publications.language,
      bylines: publications.bylines,
      tags: publications.tags,
      publishedAt: publications.publishedAt,
      updatedAt: publications.updatedAt,
    })
    .from(publications)
    .where(and(...filters))
    .orderBy(desc(publications.publishedAt))
    .limit(limit);
}
