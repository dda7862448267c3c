import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { openSecret } from "@/lib/second-factor/secret-box";
import { checkTotp } from "@/lib/second-factor/totp";
import type { Db } from "../client";
import { userSecondFactors } from "../schema";

/**
 * Whether `code` is a current code from the person's confirmed app; if so it is spent (its time
 * step recorded, so the same code never works twice — not even seconds later elsewhere).
 */
export async function spendTotpCode(tx: Db, userId: number, code: string): Promise<boolean> {
  const [factor] = await tx
    .select({ id: userSecondFactors.id, secret: userSecondFactors.secret, lastTimeStep: userSecondFactors.lastTimeStep })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, userId), eq(userSecondFactors.kind, "totp"), isNotNull(userSecondFactors.confirmedAt)))
    .for("update")
    .limit(1);
  const secret = factor?.secret ? openSecret(factor.secret) : null;
  const step = secret ? await checkTotp(secret, code, factor.lastTimeStep) : null;
  if (step === null) return false;
  await tx.update(userSecondFactors).set({ lastTimeStep: step, lastUsedAt: new Date() }).where(eq(userSecondFactors.id, factor.id));
  return true;
}
