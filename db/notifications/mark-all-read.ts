import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { withTransaction, type Ctx } from "../context";
import { notifications } from "../schema";
import { audit } from "../audit/record";

/**
 * Marks all of a person's notifications read — only their own: the user id comes from the
 * session, so there is nothing to load or authorise beyond being signed in (anonymous: nothing).
 */
export async function markAllRead({ ctx }: { ctx: Ctx }): Promise<void> {
  if (!ctx.viewer) return;
  const userId = ctx.viewer.id;
  await withTransaction(ctx, async (tx) => {
    const read = await tx.update(notifications).set({ readAt: sql`now()` }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
    await audit(tx, ctx, { action: "notifications.read_all", target: "user", id: userId, summary: { count: read.length } });
  });
}
