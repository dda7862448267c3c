import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";

/**
 * The reader site's page: skip link, masthead with search and (when known) the sections, main,
 * footer. Used by the site layout and by the 404 for addresses no route matches, which is
 * rendered without a layout and without the database.
 */
export async function SiteFrame({ sections, children }: { sections?: { id: number; name: string; slug: string }[]; children: React.ReactNode }) {
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
          {sections && (
            <nav aria-label={t("sectionsNav")} className="section-nav">
              <ul>
                {sections.map((s) => (
                  <li key={s.id}>
                    <Link href={`/${s.slug}`}>{s.name}</Link>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            {t("copyright")} · <Link href="/desk">{t("deskLink")}</Link>
          </p>
        </footer>
      </body>
    </html>
  );
}
