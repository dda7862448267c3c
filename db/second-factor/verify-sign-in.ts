import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { verifyPassword } from "@/lib/passwords";
import { looksLikeRecoveryCode, normalizeRecoveryCode } from "@/lib/second-factor/recovery-codes";
import { looksLikeTotp } from "@/lib/second-factor/totp";
import { executor, withTransaction, type Ctx } from "../context";
import { hitRateLimit, noteFailure, peekDelay, peekRateLimit, resetRateLimit, type GrowingDelay, type RateWindow } from "../rate-limit";
import { userRecoveryCodes, users } from "../schema";
import { audit } from "../audit/record";
import { SIGN_IN_DELAYS, SIGN_IN_LIMITS, addressThrottleKey, delayKey } from "../users/sign-in";
import { SignInCodeInput } from "./schemas";
import { spendTotpCode } from "./use-code";

export type SignInCodeResult = { status: "ok"; method: "totp" | "recovery"; recoveryCodesLeft: number } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/** Wrong codes are throttled like passwords: per account (whoever knows the password) and per address. */
export function factorThrottleKey(userId: number): string {
  return `signin:factor:${userId}`;
}

type Scope = { key: string; window: RateWindow; delay: GrowingDelay };

/**
 * The sign-in's second step, after a right password: a code from the app (each one good once)
 * or a recovery code (each good once, then used up). Nothing here starts a session; the caller
 * does once this says "ok" (lib/auth.ts).
 */
export async function verifySignInCode(input: SignInCodeInput, ctx?: Pick<Ctx, "tx">): Promise<SignInCodeResult> {
  const parsed = SignInCodeInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { userId, code } = parsed.data;
  const address = parsed.data.address ?? null;
  const scopes: Scope[] = [{ key: factorThrottleKey(userId), window: SIGN_IN_LIMITS.account, delay: SIGN_IN_DELAYS.account }];
  if (address) scopes.push({ key: addressThrottleKey(address), window: SIGN_IN_LIMITS.address, delay: SIGN_IN_DELAYS.address });
  const db = await executor(ctx);
  const [user] = await db.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.active) return { status: "invalid" };
  const actor = { viewer: { id: user.id, role: user.role, name: user.name }, address };

  const states = await Promise.all(scopes.flatMap((s) => [peekRateLimit(s.key, s.window, ctx), peekDelay(delayKey(s.key), s.delay, ctx)]));
  const limited = states.filter((s) => s.limited);
  if (limited.length) {
    const retryAfterSeconds = Math.max(...limited.map((s) => s.retryAfterSeconds));
    await audit(db, actor, { action: "signin.throttled", target: "user", id: userId, summary: { retryAfterSeconds, step: "second_factor" } });
    return { status: "throttled", retryAfterSeconds };
  }

  const outcome = await withTransaction({ viewer: actor.viewer, tx: ctx?.tx }, async (tx) => {
    if (looksLikeTotp(code)) {
      if (!(await spendTotpCode(tx, userId, code))) return null;
      await audit(tx, actor, { action: "signin.second_factor", target: "user", id: userId, summary: { method: "totp" } });
      return { method: "totp" as const };
    }
    if (!looksLikeRecoveryCode(code)) return null;
    const typed = normalizeRecoveryCode(code);
    const unused = await tx
      .select({ id: userRecoveryCodes.id, codeHash: userRecoveryCodes.codeHash })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)))
      .for("update");
    for (const row of unused) {
      if (!(await verifyPassword(row.codeHash, typed))) continue;
      await tx.update(userRecoveryCodes).set({ usedAt: new Date() }).where(eq(userRecoveryCodes.id, row.id));
      await audit(tx, actor, { action: "second_factor.recovery_used", target: "user", id: userId, summary: { left: unused.length - 1 } });
      return { method: "recovery" as const, left: unused.length - 1 };
    }
    return null;
  });

  if (!outcome) {
    for (const s of scopes) {
      await hitRateLimit(s.key, s.window, ctx);
      await noteFailure(delayKey(s.key), s.delay, ctx);
    }
    await audit(db, actor, { action: "signin.second_factor_failure", target: "user", id: userId });
    return { status: "invalid" };
  }
  await resetRateLimit(scopes[0].key, ctx);
  await resetRateLimit(delayKey(scopes[0].key), ctx);
  const [left] = outcome.method === "recovery" ? [outcome.left] : [await countUnused(userId, ctx)];
  return { status: "ok", method: outcome.method, recoveryCodesLeft: left };
}

async function countUnused(userId: number, ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const rows = await db.select({ id: userRecoveryCodes.id }).from(userRecoveryCodes).where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return rows.length;
}
