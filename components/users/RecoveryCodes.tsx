"use client";
// Recovery codes, shown once after a first second factor (or after making new ones), with the
// button that says they are kept. Both two-factor panels show them the same way.
import { useTranslations } from "next-intl";
import { useId } from "react";

export function RecoveryCodes({ codes, action }: { codes: string[]; action: (data: FormData) => void }) {
  const t = useTranslations("profile");
  const id = useId();
  return (
    <div aria-labelledby={`${id}-codes`}>
      <h3 id={`${id}-codes`}>{t("recoveryHeading")}</h3>
      <p>{t("recoveryIntro")}</p>
      <ul className="recovery-codes" aria-label={t("recoveryHeading")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <form action={action}>
        <button className="button button--primary" type="submit" name="intent" value="done">
          {t("recoveryDone")}
        </button>
      </form>
    </div>
  );
}
