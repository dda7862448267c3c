// next-intl: which language and messages a request uses. Reader pages always pass a locale
// (the site's or the article's); desk pages follow the signed-in user, then the browser.
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getViewer } from "@/app/auth";
import { isDatabaseUnavailable } from "@/lib/errors";
import { isLocale, negotiateLocale, type Locale } from "@/lib/i18n";
import { NEWSROOM_TIME_ZONE } from "@/lib/dates";

const catalogues = {
  de: () => import("../messages/de.json").then((m) => m.default),
  en: () => import("../messages/en.json").then((m) => m.default),
};

export async function deskLocale(): Promise<Locale> {
  const viewer = await getViewer().catch((error: unknown) => {
    // Without the database the person's saved choice is unknown: their browser's language
    // still lets the error page (or the editor's "kept on this device") speak to them.
    if (isDatabaseUnavailable(error)) return null;
    throw error;
  });
  if (viewer?.locale) return viewer.locale;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async ({ locale }) => {
  const resolved: Locale = isLocale(locale) ? locale : await deskLocale();
  return { locale: resolved, messages: await catalogues[resolved](), timeZone: NEWSROOM_TIME_ZONE };
});
