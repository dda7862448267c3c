import "server-only";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { articleAuthors, notifications, users } from "../schema";
import { actorId } from "../articles/load";

export type NotificationKind = "submitted" | "changes_requested" | "published" | "scheduled" | "unpublished";

/**
 * In-app notifications, written in the transaction of the step they report: a submission tells
 * the editors; sending back, scheduling, publishing and unpublishing tell the bylined authors.
 * Nobody is told about their own step.
 */
export async function notifyForStep(tx: Db, ctx: Ctx, args: { articleId: number; kind: NotificationKind; note?: string }): Promise<void> {
  const actor = actorId(ctx);
  const recipients =
    args.kind === "submitted"
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.role, ["editor", "admin"]), eq(users.active, true), actor ? ne(users.id, actor) : undefined))
      : await tx
          .select({ id: articleAuthors.userId })
          .from(articleAuthors)
          .innerJoin(users, eq(users.id, articleAuthors.userId))
          .where(and(eq(articleAuthors.articleId, args.articleId), eq(users.active, true), actor ? ne(articleAuthors.userId, actor) : undefined));
  if (!recipients.length) return;
  await tx.insert(notifications).values(
    recipients.map((r) => ({ userId: r.id, articleId: args.articleId, actorId: actor, kind: args.kind, note: args.note ?? "" })),
  );
}
