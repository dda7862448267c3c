"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/app/(desk)/desk/actions";
import { LANGUAGE_AUTONYMS, LOCALES, type Locale } from "@/lib/i18n";

/** The desk's language for the signed-in person; saved to their account. */
export function LanguagePicker({ current }: { current: Locale | null }) {
  const t = useTranslations();
  const active = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="language-picker">
      <span className="visually-hidden">{t("desk.uiLanguage")}</span>
      <select
        value={current ?? active}
        disabled={pending}
        onChange={(e) => {
          const locale = e.target.value as Locale;
          startTransition(async () => {
            const result = await setLocaleAction({ locale });
            if (result.ok) router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_AUTONYMS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
