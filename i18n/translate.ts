import "server-only";
import { getTranslations } from "next-intl/server";
import type { MessageParams, Translate } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { deskLocale } from "./request";

/**
 * A translator for message keys that arrive at run time (errors from the data layer).
 * Unknown keys become the generic message rather than leaking a key or English text.
 */
export async function serverTranslator(locale?: Locale | null): Promise<Translate> {
  const t = await getTranslations({ locale: locale ?? (await deskLocale()) });
  type Key = Parameters<typeof t>[0];
  const has = (key: string) => t.has(key as Key);
  return (key: string, params?: MessageParams) => {
    const values = params
      ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" && has(v) ? t(v as Key) : v]))
      : undefined;
    return has(key) ? t(key as Key, values as never) : t("errors.generic");
  };
}
