import "server-only";
import type { DeviceToken } from "@/lib/device-trust";
import { audit } from "../audit/record";
import { executor, readTogether, type Ctx } from "../context";
import { hitRateLimit, noteFailure, peekDelay, peekRateLimit, resetRateLimit, type GrowingDelay, type RateWindow } from "../rate-limit";
import { hasSecondFactor } from "../second-factor/queries";
import { verifyCredentials, type SessionUser } from "./queries";
import { SignInInput } from "./schemas";

/**
 * Failed sign-ins allowed per window, counted in `rate_limits` so every app instance shares
 * them. Per account, from browsers not known to it: slows guessing one person's password from
 * anywhere — and cannot lock the owner out of their own browser, which presents its device
 * cookie (lib/device-trust.ts) and is held to a limit of its own instead (per device). Per
 * address: slows one machine trying many accounts, set higher because a newsroom may sit behind
 * one address.
 */
export const SIGN_IN_LIMITS = {
  account: { limit: 5, windowSeconds: 15 * 60 },
  device: { limit: 5, windowSeconds: 15 * 60 },
  address: { limit: 20, windowSeconds: 15 * 60 },
} satisfies Record<string, RateWindow>;

/** Keyed by the address typed (lower-cased), whether or not the account exists: no enumeration. */
export function accountThrottleKey(email: string): string {
  return `signin:account:${email.trim().toLowerCase()}`;
}

export function deviceThrottleKey(device: DeviceToken): string {
  return `signin:device:${device.id}`;
}

export function addressThrottleKey(address: string): string {
  return `signin:address:${address}`;
}

/**
 * Growing delays on top of the windows (same scopes, counted apart under `signin:delay:…`):
 * within a window's allowance nothing changes; every failure past it doubles the wait before
 * the next attempt, up to the cap, and failures are remembered for a day. A fixed window alone
 * lets a guesser try 5 passwords every 15 minutes for ever (480 a day); with the delays, the
 * next window's five take over half an hour, the one after hours. A known device has its own
 * count (and a success clears it), so a stranger's failures never delay the owner's browser.
 */
export const SIGN_IN_DELAYS = {
  account: { free: SIGN_IN_LIMITS.account.limit, baseSeconds: 60, capSeconds: 60 * 60, memorySeconds: 24 * 60 * 60 },
  device: { free: SIGN_IN_LIMITS.device.limit, baseSeconds: 60, capSeconds: 60 * 60, memorySeconds: 24 * 60 * 60 },
  address: { free: SIGN_IN_LIMITS.address.limit, baseSeconds: 30, capSeconds: 30 * 60, memorySeconds: 24 * 60 * 60 },
} satisfies Record<string, GrowingDelay>;

/** The delay counter beside a window's key. */
export function delayKey(throttleKey: string): string {
  return throttleKey.replace(/^signin:/, "signin:delay:");
}

export type SignInResult =
  /** `secondFactorDue`: the password was right, and a code (or passkey) must follow before any session. */
  | { status: "ok"; user: SessionUser; secondFactorDue: boolean }
  | { status: "invalid" }
  | { status: "throttled"; retryAfterSeconds: number };

/**
 * Credentials sign-in with throttling. A throttled account, device or address is refused before
 * the password is looked at; unknown email and wrong password are the same "invalid" (and both
 * count). `address` is the client's address when known. `device` is the browser's verified device
 * cookie: when it names this account, the device's own limit replaces the account's.
 */
export async function signInWithThrottle(
  input: { email?: unknown; password?: unknown; address?: string | null; device?: DeviceToken | null },
  ctx?: Pick<Ctx, "tx">,
): Promise<SignInResult> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return { status: "invalid" };
  const { email } = parsed.data;
  const address = input.address ?? null;
  const known = input.device && input.device.email === email ? input.device : null;
  const own: Scope = known ? { key: deviceThrottleKey(known), window: SIGN_IN_LIMITS.device, delay: SIGN_IN_DELAYS.device } : { key: accountThrottleKey(email), window: SIGN_IN_LIMITS.account, delay: SIGN_IN_DELAYS.account };
  const scopes: Scope[] = [own];
  if (address) scopes.push({ key: addressThrottleKey(address), window: SIGN_IN_LIMITS.address, delay: SIGN_IN_DELAYS.address });
  const db = await executor(ctx);
  const account = { viewer: null, address };

  const states = await readTogether(
    db,
    scopes.flatMap((s) => [async () => ({ ...(await peekRateLimit(s.key, s.window, ctx)), why: "limit" }), async () => ({ ...(await peekDelay(delayKey(s.key), s.delay, ctx)), why: "delay" })]),
  );
  const limited = states.filter((s) => s.limited);
  if (limited.length) {
    const retryAfterSeconds = Math.max(...limited.map((s) => s.retryAfterSeconds));
    await audit(db, account, { action: "signin.throttled", target: "account", id: email, summary: { retryAfterSeconds, knownDevice: Boolean(known), by: [...new Set(limited.map((s) => s.why))] } });
    return { status: "throttled", retryAfterSeconds };
  }

  const user = await verifyCredentials(parsed.data, ctx);
  if (!user) {
    for (const s of scopes) {
      await hitRateLimit(s.key, s.window, ctx);
      await noteFailure(delayKey(s.key), s.delay, ctx);
    }
    await audit(db, account, { action: "signin.failure", target: "account", id: email, summary: { knownDevice: Boolean(known) } });
    return { status: "invalid" };
  }
  // The address counters are left alone: one person's success must not clear another's
  // failures; a known device's success leaves the account's (strangers') counters alone too.
  await resetRateLimit(own.key, ctx);
  await resetRateLimit(delayKey(own.key), ctx);
  const secondFactorDue = await hasSecondFactor(user.id, ctx);
  await audit(db, { viewer: { id: user.id, role: user.role, name: user.name }, address }, { action: "signin.success", target: "user", id: user.id, summary: { knownDevice: Boolean(known), secondFactorDue } });
  return { status: "ok", user, secondFactorDue };
}

type Scope = { key: string; window: RateWindow; delay: GrowingDelay };
