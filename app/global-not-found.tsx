import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";
import { SiteFrame } from "@/components/site/SiteFrame";
import "./globals.css";

// An address no route matches (say /a/b/c). The app has two root layouts (site and desk), so
// without this page Next answered with its own bare 404: no `lang`, no landmarks, no way on.
// Rendered without the site layout (and without its database read of the sections), so the
// masthead here has no section navigation.

// No `robots` here: Next itself writes `<meta name="robots" content="noindex">` into every 404
// answer, and a second one of ours made the page carry the tag twice.
export const metadata: Metadata = { title: "404 · Copydesk" };

export default async function GlobalNotFound() {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    <SiteFrame>
      <h1 className="page-title">{t("notFoundTitle")}</h1>
      <p>
        {t("notFoundText")} <Link href="/">{t("backHome")}</Link>
      </p>
    </SiteFrame>
  );
}
