import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { SessionPolicy } from "@/lib/session-policy";
import { executor, type Ctx } from "../context";
import { userSessions } from "../schema";

/** Seen within this many seconds: not written again (one write a minute per session at most). */
const TOUCH_SECONDS = 60;

/** A live session, and whether its sign-in's second factor was done at the identity provider. */
export type LiveSession = { secondFactorAtProvider: boolean };

/**
 * Session `id` of user `userId` if it is still live — not ended, not idle longer than the
 * policy allows, not older than its absolute lifetime — noting that it was seen; else null. An
 * expired session is deleted, so it leaves the person's list too.
 */
export async function checkSession(id: string | undefined, userId: number, policy: SessionPolicy, ctx?: Pick<Ctx, "tx">): Promise<LiveSession | null> {
  if (!id) return null;
  const db = await executor(ctx);
  const mine = and(eq(userSessions.id, id), eq(userSessions.userId, userId));
  const expired = sql`(${userSessions.lastSeenAt} < now() - make_interval(secs => ${policy.idleSeconds}) or ${userSessions.createdAt} < now() - make_interval(secs => ${policy.maxSeconds}))`;
  // One statement when the session is fine and was seen lately (the common case): a read.
  const [row] = await db
    .select({ secondFactorAtProvider: userSessions.secondFactorAtProvider, expired: sql<boolean>`${expired}`, stale: sql<boolean>`${userSessions.lastSeenAt} < now() - make_interval(secs => ${TOUCH_SECONDS})` })
    .from(userSessions)
    .where(mine);
  if (!row) return null;
  if (row.expired) {
    await db.delete(userSessions).where(mine);
    return null;
  }
  if (row.stale) await db.update(userSessions).set({ lastSeenAt: sql`now()` }).where(mine);
  return { secondFactorAtProvider: row.secondFactorAtProvider };
}
