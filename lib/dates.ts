// Dates as a German-speaking newsroom writes them, in the newsroom's time zone.
export const NEWSROOM_TIME_ZONE = process.env.COPYDESK_TIME_ZONE || "Europe/Berlin";
export const SITE_LOCALE = process.env.COPYDESK_SITE_LOCALE || "de-DE";

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(date: Date | string, locale = SITE_LOCALE): string {
  let fmt = formatters.get(locale);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: NEWSROOM_TIME_ZONE,
    });
    formatters.set(locale, fmt);
  }
  return fmt.format(typeof date === "string" ? new Date(date) : date);
}
