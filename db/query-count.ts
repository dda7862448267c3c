import "server-only";
// Counts the SQL statements this process sends, for `npm run bench` (queries per reader page).
// Off unless COPYDESK_COUNT_QUERIES=1: then no logger is attached at all, so the hot path
// is exactly drizzle's default (a no-op logger).
import type { Logger } from "drizzle-orm/logger";

// On globalThis: Next may bundle this module into several chunks of one server process.
const counter = globalThis as unknown as { __copydeskQueryCount?: number };

function enabled(): boolean {
  return process.env.COPYDESK_COUNT_QUERIES === "1";
}

/** The drizzle logger that counts, or undefined (drizzle's no-op default) when counting is off. */
export function queryCountingLogger(): Logger | undefined {
  if (!enabled()) return undefined;
  counter.__copydeskQueryCount ??= 0;
  return {
    logQuery() {
      counter.__copydeskQueryCount = (counter.__copydeskQueryCount ?? 0) + 1;
    },
  };
}

/** Statements sent since the process started, or null when counting is off. */
export function queriesSent(): number | null {
  return enabled() ? (counter.__copydeskQueryCount ?? 0) : null;
}
