import "server-only";
import { eq } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { verifyPassword } from "@/lib/passwords";
import { looksLikeTotp } from "@/lib/second-factor/totp";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { hitRateLimit, peekRateLimit } from "../rate-limit";
import { users } from "../schema";
import { spendTotpCode } from "./use-code";

/** Wrong proofs allowed per window: a borrowed, still signed-in browser cannot guess its way to removing a factor. */
export const FACTOR_PROOF_LIMIT = { limit: 5, windowSeconds: 15 * 60 };
const key = (userId: number) => `factor-proof:user:${userId}`;

export async function assertProofNotThrottled(userId: number, ctx: Pick<Ctx, "tx">): Promise<void> {
  if ((await peekRateLimit(key(userId), FACTOR_PROOF_LIMIT, ctx)).limited) throw new Invalid({ proof: ["validation.factorProofThrottled"] });
}

/** Counts a wrong proof (outside the refused transaction, which wrote nothing) and refuses. */
export async function refuseProof(userId: number, ctx: Pick<Ctx, "tx">): Promise<never> {
  await hitRateLimit(key(userId), FACTOR_PROOF_LIMIT, ctx);
  throw new Invalid({ proof: ["validation.factorProofWrong"] });
}

/**
 * Whether `proof` is a current code from the person's app (then it is used up) or their password.
 * Six digits are tried as a code first; a password of six digits still works after that.
 */
export async function checkFactorProof(tx: Db, userId: number, proof: string): Promise<boolean> {
  if (looksLikeTotp(proof) && (await spendTotpCode(tx, userId, proof))) return true;
  const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(user && (await verifyPassword(user.passwordHash, proof)));
}
