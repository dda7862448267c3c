// Dates as the newsroom writes them, in the newsroom's time zone:
//   de: "22. November 2019, 16:04"    en: "22 November 2019, 4:04 pm"
import type { Locale } from "./i18n";

export const NEWSROOM_TIME_ZONE = process.env.COPYDESK_TIME_ZONE || "Europe/Berlin";

const INTL_LOCALE: Record<Locale, string> = { de: "de-DE", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, kind: "date" | "time" | "short"): Intl.DateTimeFormat {
  const key = `${locale}:${kind}`;
  let fmt = cache.get(key);
  if (!fmt) {
    const options: Intl.DateTimeFormatOptions =
      kind === "date"
        ? { day: "numeric", month: "long", year: "numeric" }
        : kind === "time"
          ? locale === "en"
            ? { hour: "numeric", minute: "2-digit", hour12: true }
            : { hour: "2-digit", minute: "2-digit", hour12: false }
          : { day: "2-digit", month: "2-digit", year: "numeric" };
    fmt = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: NEWSROOM_TIME_ZONE });
    cache.set(key, fmt);
  }
  return fmt;
}

/** "22. November 2019, 16:04" / "22 November 2019, 4:04 pm". */
export function formatDateTime(date: Date | string, locale: Locale): string {
  const d = typeof date === "string" ? new Date(date) : date;
  // Date and time are formatted apart: ICU would join them with "um" / "at".
  return `${formatter(locale, "date").format(d)}, ${formatter(locale, "time").format(d)}`;
}

/** "vor 5 Minuten" / "5 minutes ago", falling back to the date for anything older than a week. */
export function formatRelative(date: Date | string, locale: Locale, now: Date = new Date()): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const rtf = new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: "auto" });
  if (abs < 45) return rtf.format(0, "second");
  if (abs < 45 * 60) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), "day");
  return formatter(locale, "short").format(d);
}

// A datetime-local value: minutes, or seconds too (what the input sends when its step is under a minute).
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::([0-5]\d))?$/;

function wallParts(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return { y: get("year"), mo: get("month"), d: get("day"), h: get("hour"), mi: get("minute") };
}

/** An instant as the newsroom's wall clock, "2026-11-24T14:30" (the value of a datetime-local input). */
export function toNewsroomWallClock(date: Date, timeZone: string = NEWSROOM_TIME_ZONE): string {
  const p = wallParts(date, timeZone);
  return `${p.y}-${p.mo}-${p.d}T${p.h}:${p.mi}`;
}

/**
 * "2026-11-24T14:30" (or "…T14:30:15") read on the newsroom's wall clock → that instant; null
 * when malformed or when the time does not exist there (the hour skipped when clocks go forward).
 */
export function fromNewsroomWallClock(value: string, timeZone: string = NEWSROOM_TIME_ZONE): Date | null {
  const m = WALL_CLOCK.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
  const seconds = Number(m[6] ?? 0);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // The zone's offset at that moment, found by reading the guess back on the wall clock (twice, for DST edges).
  let instant = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = wallParts(new Date(instant), timeZone);
    const shown = Date.UTC(Number(p.y), Number(p.mo) - 1, Number(p.d), Number(p.h), Number(p.mi));
    instant += asUtc - shown;
  }
  return toNewsroomWallClock(new Date(instant), timeZone) === value.slice(0, 16) ? new Date(instant + seconds * 1000) : null;
}
