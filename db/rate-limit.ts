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
