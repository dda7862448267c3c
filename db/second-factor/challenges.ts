import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { PASSKEY_CHALLENGE_SECONDS } from "@/lib/second-factor/passkeys";
import type { Db } from "../client";
import { webauthnChallenges } from "../schema";

type Purpose = (typeof webauthnChallenges.$inferInsert)["purpose"];

/**
 * Keeps a challenge for the person's next answer. One open challenge per person and purpose (a
 * new ceremony replaces the last): the table cannot be filled by asking again and again.
 */
export async function storeChallenge(tx: Db, userId: number, purpose: Purpose, challenge: string): Promise<void> {
  await tx.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, new Date()));
  await tx.delete(webauthnChallenges).where(and(eq(webauthnChallenges.userId, userId), eq(webauthnChallenges.purpose, purpose)));
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

