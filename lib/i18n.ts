// Languages Copydesk speaks. The desk follows each user's choice (or their browser); the
// reader site has one configured language; every article has its own.
export const LOCALES = ["de", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "de";

/** Each language in its own words, as language pickers show them. */
export const LANGUAGE_AUTONYMS: Record<Locale, string> = { de: "Deutsch", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The reader site's language (COPYDESK_SITE_LANGUAGE, default German). */
export const SITE_LOCALE: Locale = isLocale(process.env.COPYDESK_SITE_LANGUAGE) ? process.env.COPYDESK_SITE_LANGUAGE : DEFAULT_LOCALE;

/** The best of our locales for an Accept-Language header, by quality. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.find((entry) => isLocale(entry.lang))?.lang as Locale | undefined ?? DEFAULT_LOCALE;
}
