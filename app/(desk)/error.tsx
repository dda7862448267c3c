"use client";
// The newsroom's pages when they cannot be rendered (the database is away, say), in the
// person's language from the desk's root layout. The editor keeps unsaved text on this device
// by itself, so this page says so. No detail of the error is shown.
import Link from "next/link";
import { useTranslations } from "next-intl";

export default function DeskError({ retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("deskUnavailable");
  return (
    <main id="main" className="desk-main">
      <h1 className="page-title">{t("title")}</h1>
      <p role="alert">{t("text")}</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>{" "}
        <Link href="/desk">{t("home")}</Link>
      </p>
    </main>
  );
}
