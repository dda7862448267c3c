import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { Conflict, NotFound } from "@/lib/errors";
import type { ArticleAccess } from "@/lib/permissions";
import type { WorkflowAction } from "@/lib/workflow";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { articleAuthors, articleEvents, articles, publications } from "../schema";

export type ArticleRow = typeof articles.$inferSelect;
export type LockedArticle = ArticleRow & ArticleAccess;

/**
 * Loads and row-locks an article for a write, with what the permission rules need. Reads only:
 * a write that must first settle a due schedule calls `settleDueSchedule` next.
 *
 * FOR NO KEY UPDATE, not FOR UPDATE: writers of the same article still queue behind each
 * other, but rows that merely point at it (another article's related link, checked by its
 * foreign key with FOR KEY SHARE) are not blocked. With FOR UPDATE two articles related to
 * each other deadlocked on PostgreSQL when both were saved at once (`npm run load` found it).
 */
export async function lockArticle(tx: Db, id: number): Promise<LockedArticle> {
  const [row] = await tx.select().from(articles).where(eq(articles.id, id)).for("no key update");
  if (!row) throw new NotFound("errors.articleNotFound");
  const authors = await tx
    .select({ userId: articleAuthors.userId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, id))
    .orderBy(asc(articleAuthors.position));
  return { ...row, authorIds: authors.map((a) => a.userId) };
}

/**
 * A schedule whose time has come is a publication (readers already see it, ADR 0002): the locked
 * article's status becomes `published` here and in the row, so nobody "cancels" or re-schedules
 * what is already on the site. A write; call it inside the writer's transaction, after `lockArticle`.
 */
export async function settleDueSchedule(tx: Db, article: LockedArticle): Promise<void> {
  if (article.status !== "scheduled") return;
  const [live] = await tx
    .select({ id: publications.articleId })
    .from(publications)
    .where(and(eq(publications.articleId, article.id), lte(publications.visibleFrom, sql`now()`)));
  if (!live) return;
  await tx.update(articles).set({ status: "published" }).where(eq(articles.id, article.id));
  article.status = "published";
}

export function assertVersion(article: ArticleRow, version: number): void {
  if (article.version !== version) {
    throw new Conflict("errors.conflict", article.version);
  }
}

export async function recordEvent(
  tx: Db,
  ctx: Ctx,
  event: { articleId: number; action: WorkflowAction | "create"; from: ArticleRow["status"] | null; to: ArticleRow["status"]; note?: string },
): Promise<void> {
  await tx.insert(articleEvents).values({
    articleId: event.articleId,
    actorId: actorId(ctx),
    action: event.action,
    fromStatus: event.from,
    toStatus: event.to,
    note: event.note ?? "",
  });
}

/** The acting user's id for foreign keys (null for command-line scripts). */
export function actorId(ctx: Ctx): number | null {
  return ctx.viewer && ctx.viewer.id > 0 ? ctx.viewer.id : null;
}
