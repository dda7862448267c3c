import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "../client";
import { Forbidden } from "@/lib/errors";
import { assertCanEndSessionsOf } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userSessions } from "../schema";
import { announceAccessChange } from "../articles/collab-events";
import { EndAllSessionsInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * "Sign out everywhere": ends every session of a person (their own, or an admin for anyone),
 * except `keepId` when given (a password change keeps the session that made it).
 */
export async function endAllSessions({ ctx, input }: VerbArgs<EndAllSessionsInput>) {
  const data = parseInput(EndAllSessionsInput, input);
  if (!ctx.viewer) throw new Forbidden("errors.signInFirst");
  const userId = data.userId ?? ctx.viewer.id;
  assertCanEndSessionsOf(ctx.viewer, userId);
  return withTransaction(ctx, async (tx) => {
    const ended = await deleteSessionsOf(tx, userId, data.keepId);
    await audit(tx, ctx, { action: "session.end_all", target: "user", id: userId, summary: { ended, own: userId === ctx.viewer?.id } });
    return { ended };
  });
}

/**
 * Deletes a person's session rows (but `keepId`) inside a verb that already decided it may: a
 * password change or reset, a role change, a deactivation. Returns how many ended.
 */
export async function deleteSessionsOf(tx: Db, userId: number, keepId?: string): Promise<number> {
  const ended = await tx
    .delete(userSessions)
    .where(and(eq(userSessions.userId, userId), keepId ? ne(userSessions.id, keepId) : undefined))
    .returning({ id: userSessions.id });
  if (ended.length) await announceAccessChange(tx, { userId }); // their co-editing connections close at once
  return ended.length;
}
