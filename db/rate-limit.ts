import "server-only";
import { eq, sql } from "drizzle-orm";
import { executor, type Ctx } from "./context";
import { rateLimits } from "./schema";

export type RateWindow = { limit: number; windowSeconds: number };
export type RateState = { count: number; limited: boolean; retryAfterSeconds: number };

/**
 * Counts one event for `key` in a fixed window, in one statement, so every app instance on the
 * same database shares the count. `limited` once the count goes past the limit.
 */
export async function hitRateLimit(key: string, window: RateWindow, ctx?: Pick<Ctx, "tx">): Promise<RateState> {
  const db = await executor(ctx);
  const expired = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${window.windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      retry: sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${window.windowSeconds}) - now()))))::int`,
    });
  return { count: row.count, limited: row.count > window.limit, retryAfterSeconds: Number(row.retry) };
}

/** The current count without adding to it (e.g. to refuse a sign-in before checking the password). */
export async function peekRateLimit(key: string, window: RateWindow, ctx?: Pick<Ctx, "tx">): Promise<RateState> {
  const db = await executor(ctx);
  const [row] = await db
    .select({
      count: rateLimits.count,
      live: sql<boolean>`${rateLimits.windowStart} > now() - make_interval(secs => ${window.windowSeconds})`,
      retry: sql<number>`greatest(0, ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${window.windowSeconds}) - now()))))::int`,
    })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  if (!row || !row.live) return { count: 0, limited: false, retryAfterSeconds: 0 };
  return { count: row.count, limited: row.count >= window.limit, retryAfterSeconds: Number(row.retry) };
}

export async function resetRateLimit(key: string, ctx?: Pick<Ctx, "tx">): Promise<void> {
  const db = await executor(ctx);
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/**
 * A growing delay: after `free` failures, each further one makes the next attempt wait twice as
 * long as the one before (`baseSeconds`, then 2×, 4×, … up to `capSeconds`). Failures are
 * remembered until `memorySeconds` pass without one, so the fixed windows above cannot simply
 * be waited out over and over: the delay keeps growing across them.
 */
export type GrowingDelay = { free: number; baseSeconds: number; capSeconds: number; memorySeconds: number };

/** Seconds the next attempt must wait after `failures` failures (0 while within the free ones). */
export function delayAfter(failures: number, policy: GrowingDelay): number {
  if (failures <= policy.free) return 0;
  const doublings = Math.min(failures - policy.free - 1, 30);
  return Math.min(policy.capSeconds, policy.baseSeconds * 2 ** doublings);
}

/**
 * Notes one failure for `key` (a row of `rate_limits` whose `window_start` is the time of the
 * last failure and `count` the failures since memory began), in one statement.
 */
export async function noteFailure(key: string, policy: GrowingDelay, ctx?: Pick<Ctx, "tx">): Promise<void> {
  const db = await executor(ctx);
  const forgotten = sql`${rateLimits.windowStart} <= now() - make_interval(secs => ${policy.memorySeconds})`;
  await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: sql`now()` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { count: sql`case when ${forgotten} then 1 else ${rateLimits.count} + 1 end`, windowStart: sql`now()` },
    });
}

/** Whether an attempt now must still wait after the failures noted for `key`, and how long. */
export async function peekDelay(key: string, policy: GrowingDelay, ctx?: Pick<Ctx, "tx">): Promise<RateState> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ count: rateLimits.count, since: sql<number>`extract(epoch from (now() - ${rateLimits.windowStart}))::float8` })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  if (!row || Number(row.since) >= policy.memorySeconds) return { count: 0, limited: false, retryAfterSeconds: 0 };
  const wait = Math.ceil(delayAfter(row.count, policy) - Number(row.since));
  return { count: row.count, limited: wait > 0, retryAfterSeconds: Math.max(0, wait) };
}
