import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Capability } from "@/lib/permissions";
import { assertCan } from "@/lib/permissions";
import { transition, type WorkflowAction } from "@/lib/workflow";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { articles } from "../schema";
import { actorId, assertVersion, getArticleForUpdateOrThrow, recordEvent, type LockedArticle } from "./load";

/**
 * The shared spine of every workflow verb: lock, authorise, check the version, move the
 * status, write the audit event — all in the caller's transaction.
 */
export async function applyTransition(
  tx: Db,
  ctx: Ctx,
  args: { id: number; version: number; note?: string; action: WorkflowAction; capability: Capability },
  extra?: (article: LockedArticle, nextVersion: number) => Promise<Partial<typeof articles.$inferInsert> | void>,
) {
  const article = await getArticleForUpdateOrThrow(tx, args.id);
  assertCan(ctx.viewer, args.capability, article);
  assertVersion(article, args.version);
  const status = transition(article.status, args.action);
  const version = article.version + 1;
  const more = (await extra?.(article, version)) ?? {};
  await tx
    .update(articles)
    .set({ status, version, updatedById: actorId(ctx), updatedAt: sql`now()`, ...more })
    .where(eq(articles.id, article.id));
  await recordEvent(tx, ctx, { articleId: article.id, action: args.action, from: article.status, to: status, note: args.note });
  return { id: article.id, version, status, from: article.status };
}
