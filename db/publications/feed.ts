import "server-only";
import { desc } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { publications } from "../schema";
import { visibleIn, type ListScope } from "./queries";

/** The newest visible publications with everything a feed entry carries. */
export async function listForFeed(scope: ListScope, limit = 50, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
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
    .where(visibleIn(scope))
    .orderBy(desc(publications.publishedAt))
    .limit(limit);
}
