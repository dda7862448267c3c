import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";

export default async function NotFound() {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    <>
      <h1 className="page-title">{t("notFoundTitle")}</h1>
      <p>
        {t("notFoundText")} <Link href="/">{t("backHome")}</Link>
      </p>
    </>
  );
}
