import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { verifyPassword } from "@/lib/passwords";
import { looksLikeRecoveryCode, normalizeRecoveryCode } from "@/lib/second-factor/recovery-codes";
import { looksLikeTotp } from "@/lib/second-factor/totp";
import { executor, type Ctx } from "../context";
import { userRecoveryCodes } from "../schema";
import { audit } from "../audit/record";
import { SignInCodeInput } from "./schemas";
import { throttledSignInStep } from "./sign-in-step";
import { spendTotpCode } from "./use-code";

export type SignInCodeResult = { status: "ok"; method: "totp" | "recovery"; recoveryCodesLeft: number } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * The sign-in's second step, after a right password: a code from the app (each one good once)
 * or a recovery code (each good once, then used up). Throttled and audited like every second
 * step (./sign-in-step.ts). Nothing here starts a session; the caller does once this says "ok"
 * (app/auth.ts).
 */
export async function verifySignInCode(input: SignInCodeInput, ctx?: Pick<Ctx, "tx">): Promise<SignInCodeResult> {
  const parsed = SignInCodeInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { userId, code } = parsed.data;
  const result = await throttledSignInStep({ userId, address: parsed.data.address ?? null }, ctx, async (tx, actor) => {
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
  if (result.status !== "ok") return result;
  const { outcome } = result;
  return { status: "ok", method: outcome.method, recoveryCodesLeft: outcome.method === "recovery" ? outcome.left : await countUnused(userId, ctx) };
}

async function countUnused(userId: number, ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const rows = await db.select({ id: userRecoveryCodes.id }).from(userRecoveryCodes).where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  return rows.length;
}
