import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Capability } from "@/lib/permissions";
import { assertCan } from "@/lib/permissions";
import { transition, type WorkflowAction } from "@/lib/workflow";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { audit } from "../audit/record";
import { articles } from "../schema";
import { announceAccessChange } from "./collab-events";
import { assertReady } from "./readiness";
import { actorId, assertVersion, lockArticle, settleDueSchedule, recordEvent, type LockedArticle } from "./load";

const READY_BEFORE = new Set<WorkflowAction>(["submit", "publish", "schedule"]);

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
  const article = await lockArticle(tx, args.id);
  await settleDueSchedule(tx, article);
  assertCan(ctx.viewer, args.capability, article);
  assertVersion(article, args.version);
  // A draft may be incomplete; what goes to the editors or to readers may not.
  if (READY_BEFORE.has(args.action)) assertReady(article);
  const status = transition(article.status, args.action);
  const version = article.version + 1;
  const more = (await extra?.(article, version)) ?? {};
  await tx
    .update(articles)
    .set({ status, version, updatedById: actorId(ctx), updatedAt: sql`now()`, ...more })
    .where(eq(articles.id, article.id));
  await recordEvent(tx, ctx, { articleId: article.id, action: args.action, from: article.status, to: status, note: args.note });
  // Who may edit has changed: open co-editing connections are re-decided within a second.
  await announceAccessChange(tx, { articleId: article.id });
  await audit(tx, ctx, { action: `article.${args.action}`, target: "article", id: article.id, summary: { headline: article.headline, from: article.status, to: status, note: args.note } });
  return { id: article.id, version, status, from: article.status };
}
