import "server-only";
import { eq } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import type { PublishedArticle } from "../publications/queries";
import { buildSnapshot } from "../publications/snapshot";
import { articles, publications } from "../schema";

export type ArticlePreview = {
  /** The working copy in the shape readers get, built like a publication but never written. */
  article: PublishedArticle;
  version: number;
  /** The version readers see now, or null when the article is not live. */
  liveVersion: number | null;
};

/**
 * The working copy as readers would see it if it were published now: the same snapshot
 * the publish transaction writes (rendered, sanitized body; bylines; live related links),
 * with the dates publishing would give it. Read-only.
 */
export async function previewArticle(id: number, ctx?: Pick<Ctx, "tx">): Promise<ArticlePreview | null> {
  const db = await executor(ctx);
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  if (!row) return null;
  const [live] = await db
    .select({ publishedAt: publications.publishedAt, version: publications.version })
    .from(publications)
    .where(eq(publications.articleId, id));
  const snapshot = await buildSnapshot(db, row);
  const now = new Date().toISOString();
  return {
    article: {
      ...snapshot,
      articleId: row.id,
      version: row.version,
      // Publishing keeps the first publication time and moves the update time to now.
      publishedAt: live ? live.publishedAt.toISOString() : now,
      updatedAt: now,
    },
    version: row.version,
    liveVersion: row.status === "published" && live ? live.version : null,
  };
}
