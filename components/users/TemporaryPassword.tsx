"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

/** A temporary password, shown once with a copy button. Lives inside the caller's status region. */
export function TemporaryPassword({ password }: { password: string }) {
  const t = useTranslations("users");
  const id = useId();
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  return (
    <div className="temp-password">
      <span id={`${id}-label`} className="temp-password__label">
        {t("temporaryPassword")}
      </span>
      <div className="temp-password__row">
        <code className="temp-password__value" aria-labelledby={`${id}-label`}>
          {password}
        </code>
        <button
          type="button"
          className="button"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(password);
              setCopied("yes");
            } catch {
              setCopied("failed");
            }
          }}
        >
          {t("copy")}
        </button>
        <span>{copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}</span>
      </div>
      <p className="temp-password__hint">{t("shownOnce")}</p>
    </div>
  );
}
