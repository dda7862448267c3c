import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";
import "./globals.css";

// An address no route matches (say /a/b/c). The app has two root layouts (site and desk), so
// without this page Next answered with its own bare 404: no `lang`, no landmarks, no way on.
// Rendered without the site layout (and without its database read of the sections), so the
// masthead here is the plain one: the name, the search form and the way home.

export const metadata: Metadata = { title: "404 · Copydesk", robots: { index: false } };

export default async function GlobalNotFound() {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    <html lang={SITE_LOCALE}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <header className="masthead">
          <Link href="/" className="masthead__title">
            Copydesk
          </Link>
          <p className="masthead__tagline">{t("tagline")}</p>
          <form role="search" action="/search" className="masthead__search">
            <label htmlFor="site-search-q" className="visually-hidden">
              {t("searchLabel")}
            </label>
            <input id="site-search-q" name="q" type="search" placeholder={t("searchPlaceholder")} maxLength={200} />
            <button className="button" type="submit">
              {t("searchSubmit")}
            </button>
          </form>
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          <h1 className="page-title">{t("notFoundTitle")}</h1>
          <p>
            {t("notFoundText")} <Link href="/">{t("backHome")}</Link>
          </p>
        </main>
        <footer className="site-footer">
          <p>{t("copyright")}</p>
        </footer>
      </body>
    </html>
  );
}
