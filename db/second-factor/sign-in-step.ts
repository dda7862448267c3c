import "server-only";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/permissions";
import type { Db } from "../client";
import { executor, readTogether, withTransaction, type Ctx } from "../context";
import { hitRateLimit, noteFailure, peekDelay, peekRateLimit, resetRateLimit, type GrowingDelay, type RateWindow } from "../rate-limit";
import { users } from "../schema";
import { audit } from "../audit/record";
import { SIGN_IN_DELAYS, SIGN_IN_LIMITS, addressThrottleKey, delayKey } from "../users/sign-in";

export type SignInStepResult<T> = { status: "ok"; outcome: T } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };
export type SignInStepActor = { viewer: Viewer; address: string | null };

/** Wrong second factors are throttled like passwords: per account (whoever knows the password) and per address. */
export function factorThrottleKey(userId: number): string {
  return `signin:factor:${userId}`;
}

type Scope = { key: string; window: RateWindow; delay: GrowingDelay };

/**
 * The frame of the sign-in's second step, whatever the factor (a code, a passkey): refused while
 * the account or the address is throttled (audited); `attempt` runs in a transaction and returns
 * null for a wrong factor, which counts against both limits and is audited; a right one clears
 * the account's count. Nothing here starts a session.
 */
export async function throttledSignInStep<T>(
  { userId, address }: { userId: number; address: string | null },
  ctx: Pick<Ctx, "tx"> | undefined,
  attempt: (tx: Db, actor: SignInStepActor) => Promise<T | null>,
): Promise<SignInStepResult<T>> {
  const scopes: Scope[] = [{ key: factorThrottleKey(userId), window: SIGN_IN_LIMITS.account, delay: SIGN_IN_DELAYS.account }];
  if (address) scopes.push({ key: addressThrottleKey(address), window: SIGN_IN_LIMITS.address, delay: SIGN_IN_DELAYS.address });
  const db = await executor(ctx);
  const [user] = await db.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.active) return { status: "invalid" };
  const actor = { viewer: { id: user.id, role: user.role, name: user.name }, address };

  const states = await readTogether(
    db,
    scopes.flatMap((s) => [() => peekRateLimit(s.key, s.window, ctx), () => peekDelay(delayKey(s.key), s.delay, ctx)]),
  );
  const limited = states.filter((s) => s.limited);
  if (limited.length) {
    const retryAfterSeconds = Math.max(...limited.map((s) => s.retryAfterSeconds));
    await audit(db, actor, { action: "signin.throttled", target: "user", id: userId, summary: { retryAfterSeconds, step: "second_factor" } });
    return { status: "throttled", retryAfterSeconds };
  }

  const outcome = await withTransaction({ viewer: actor.viewer, tx: ctx?.tx }, (tx) => attempt(tx, actor));
  if (outcome === null) {
    for (const s of scopes) {
      await hitRateLimit(s.key, s.window, ctx);
      await noteFailure(delayKey(s.key), s.delay, ctx);
    }
    await audit(db, actor, { action: "signin.second_factor_failure", target: "user", id: userId });
    return { status: "invalid" };
  }
  await resetRateLimit(scopes[0].key, ctx);
  await resetRateLimit(delayKey(scopes[0].key), ctx);
  return { status: "ok", outcome };
}
