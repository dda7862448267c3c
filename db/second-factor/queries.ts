import "server-only";
import { and, asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { Role } from "@/lib/permissions";
import { executor, type Ctx } from "../context";
import { getSecondFactorRoles } from "../settings/second-factor-roles";
import { userRecoveryCodes, userSecondFactors } from "../schema";

export type SecondFactorStatus = { totp: boolean; totpPending: boolean; recoveryCodesLeft: number };

/** What the profile page shows about the person's own second factors. */
export async function getSecondFactorStatus(userId: number, ctx?: Pick<Ctx, "tx">): Promise<SecondFactorStatus> {
  const db = await executor(ctx);
  const factors = await db.select({ kind: userSecondFactors.kind, confirmedAt: userSecondFactors.confirmedAt }).from(userSecondFactors).where(eq(userSecondFactors.userId, userId));
  const [left] = await db
    .select({ n: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
  const totp = factors.find((f) => f.kind === "totp");
  return { totp: Boolean(totp?.confirmedAt), totpPending: Boolean(totp && !totp.confirmedAt), recoveryCodesLeft: left.n };
}

export type PasskeyRow = { id: number; name: string; createdAt: Date; lastUsedAt: Date | null };

/** The person's own passkeys for the profile's list, oldest first. */
export async function listPasskeys(userId: number, ctx?: Pick<Ctx, "tx">): Promise<PasskeyRow[]> {
  const db = await executor(ctx);
  return db
    .select({ id: userSecondFactors.id, name: userSecondFactors.label, createdAt: userSecondFactors.createdAt, lastUsedAt: userSecondFactors.lastUsedAt })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, userId), eq(userSecondFactors.kind, "passkey")))
    .orderBy(asc(userSecondFactors.createdAt), asc(userSecondFactors.id));
}

/** Which second factors the sign-in's second step offers this person (recovery codes always). */
export async function signInFactors(userId: number, ctx?: Pick<Ctx, "tx">): Promise<{ totp: boolean; passkey: boolean }> {
  const db = await executor(ctx);
  const rows = await db
    .select({ kind: userSecondFactors.kind })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, userId), isNotNull(userSecondFactors.confirmedAt)));
  return { totp: rows.some((r) => r.kind === "totp"), passkey: rows.some((r) => r.kind === "passkey") };
}

/** Whether sign-in asks this person for a second factor (a confirmed one exists). */
export async function hasSecondFactor(userId: number, ctx?: Pick<Ctx, "tx">): Promise<boolean> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ id: userSecondFactors.id })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, userId), isNotNull(userSecondFactors.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

/** Whether this person's role requires a second factor (db/settings) and they have none yet. */
export async function mustEnrolSecondFactor(user: { id: number; role: Role }, ctx?: Pick<Ctx, "tx">): Promise<boolean> {
  const roles = await getSecondFactorRoles(ctx);
  return roles.includes(user.role) && !(await hasSecondFactor(user.id, ctx));
}
