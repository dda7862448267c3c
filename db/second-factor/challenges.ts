import "server-only";
import { and, desc, eq, lt, notInArray } from "drizzle-orm";
import { PASSKEY_CHALLENGE_SECONDS } from "@/lib/second-factor/passkeys";
import type { Db } from "../client";
import { webauthnChallenges } from "../schema";

type Purpose = (typeof webauthnChallenges.$inferInsert)["purpose"];

/** Open challenges kept per person and purpose: a sign-in in two tabs at once, each answered. */
const OPEN_PER_PURPOSE = 3;

/**
 * Keeps a challenge for the person's next answer. A few stay open per person and purpose (two
 * tabs signing in at once both work); a new one pushes out the oldest past that, so the table
 * cannot be filled by asking again and again.
 */
export async function storeChallenge(tx: Db, userId: number, purpose: Purpose, challenge: string): Promise<void> {
  await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date()));
  const theirs = and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose));
  const newest = await tx.select({ id: webauthnChallenges.id }).from(webauthnChallenges).where(theirs).orderBy(desc(webauthnChallenges.id)).limit(OPEN_PER_PURPOSE - 1);
  await tx.delete(webauthnChallenges).where(newest.length ? and(theirs, notInArray(webauthnChallenges.id, newest.map((r) => r.id))) : theirs);
  await tx.insert(webauthnChallenges).values({ userId, purpose, challenge, expiresAt: new Date(Date.now() + PASSKEY_CHALLENGE_SECONDS * 1000) });
}

/** Whether `challenge` is this person's open one for `purpose` and still fresh; if theirs, it is used up (right answer or not). */
export async function takeChallenge(tx: Db, userId: number, purpose: Purpose, challenge: string | null): Promise<boolean> {
  if (!challenge) return false;
  const taken = await tx
    .delete(webauthnChallenges)
    .where(and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose), eq(webauthnChallenges.challenge, challenge)))
    .returning({ expiresAt: webauthnChallenges.expiresAt });
  return taken.some((row) => row.expiresAt > new Date());
}

