import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n";

/**
 * A live blog's coverage after its state: " · since <time>" and, once ended, " · ended <time>".
 * No hooks: the reader page (server) and the desk panel (client) pass their own words.
 */
export function LiveCoverage({ state, startedAt, endedAt, locale, since, ended }: { state: "live" | "ended"; startedAt: string | null; endedAt: string | null; locale: Locale; since: string; ended: string }) {
  return (
    <>
      {startedAt && (
        <>
          {` · ${since} `}
          <time dateTime={startedAt}>{formatDateTime(startedAt, locale)}</time>
        </>
      )}
      {state === "ended" && endedAt && (
        <>
          {` · ${ended} `}
          <time dateTime={endedAt}>{formatDateTime(endedAt, locale)}</time>
        </>
      )}
    </>
  );
}
