import "server-only";
import { hitRateLimit, peekRateLimit, resetRateLimit, type RateWindow } from "../rate-limit";
import type { Ctx } from "../context";
import { verifyCredentials, type SessionUser } from "./queries";
import { SignInInput } from "./schemas";

/**
 * Failed sign-ins allowed per window, counted in `rate_limits` so every app instance shares
 * them. Per account: slows guessing one person's password. Per address: slows one machine
 * trying many accounts, set higher because a newsroom may sit behind one address.
 */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  address: { limit: 20, windowSeconds: 15 * 60 },
} satisfies Record<string, RateWindow>;

/** Keyed by the address typed (lower-cased), whether or not the account exists: no enumeration. */
export function accountThrottleKey(email: string): string {
  return `signin:account:${email.trim().toLowerCase()}`;
}

export function addressThrottleKey(address: string): string {
  return `signin:address:${address}`;
}

export type SignInResult =
  | { status: "ok"; user: SessionUser }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Credentials sign-in with throttling. A throttled account or address is refused before the
 * password is looked at; unknown email and wrong password are the same "invalid" (and both count).
 * `address` is the client's address when known; without one only the account limit applies.
 */
export async function signInWithThrottle(
  input: { email?: unknown; password?: unknown; address?: string | null },
  ctx?: Pick<Ctx, "tx">,
): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const keys: [string, RateWindow][] = [[accountThrottleKey(parsed.data.email), SIGN_IN_LIMITS.account]];
  if (input.address) keys.push([addressThrottleKey(input.address), SIGN_IN_LIMITS.address]);

  const states = await Promise.all(keys.map(([key, window]) => peekRateLimit(key, window, ctx)));
  const limited = states.filter((s) => s.limited);
  if (limited.length) return { status: "throttled", retryAfterSeconds: Math.max(...limited.map((s) => s.retryAfterSeconds)) };

  const user = await verifyCredentials(parsed.data, ctx);
  if (!user) {
    for (const [key, window] of keys) await hitRateLimit(key, window, ctx);
    return { status: "invalid" };
  }
  // The address counter is left alone: one person's success must not clear another's failures.
  await resetRateLimit(keys[0][0], ctx);
  return { status: "ok", user };
}

