import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";

/**
 * The reader site's page: skip link, masthead with search and (when known) the sections, main,
 * footer. Used by the site layout and by the 404 for addresses no route matches, which is
 * rendered without a layout and without the database.
 */
type Section = { id: number; name: string; slug: string };

function SectionLinks({ sections }: { sections: Section[] }) {
  return (
    <ul>
      {sections.map((s) => (
        <li key={s.id}>
          <Link href={`/${s.slug}`}>{s.name}</Link>
        </li>
      ))}
    </ul>
  );
}

export async function SiteFrame({ sections, children }: { sections?: Section[]; children: React.ReactNode }) {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    // data-reader: sent without Next's client runtime (lib/http/reader-html.mjs); nothing here needs it.
    <html lang={SITE_LOCALE} data-reader="">
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
            {/* On phones the button shows only a magnifier, so the field has room for its
                placeholder; its word stays its name (app/globals.css). */}
            <button className="button" type="submit">
              <svg className="masthead__search-icon" aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round">
                <circle cx="10.5" cy="10.5" r="6.5" />
                <path d="m15.5 15.5 5 5" />
              </svg>
              <span className="masthead__search-word">{t("searchSubmit")}</span>
            </button>
          </form>
          {sections && (
            <nav aria-label={t("sectionsNav")} className="section-nav">
              <SectionLinks sections={sections} />
            </nav>
          )}
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__columns">
            {sections && sections.length > 0 && (
              <nav aria-label={t("footerSections")}>
                <h2 className="site-footer__heading">{t("footerSections")}</h2>
                <SectionLinks sections={sections} />
              </nav>
            )}
            <nav aria-label={t("footerFeeds")}>
              <h2 className="site-footer__heading">{t("footerFeeds")}</h2>
              <ul>
                <li>
                  <a href="/feeds/rss.xml" type="application/rss+xml">
                    {"RSS"}
                  </a>
                </li>
                <li>
                  <a href="/feeds/atom.xml" type="application/atom+xml">
                    {"Atom"}
                  </a>
                </li>
              </ul>
            </nav>
            {/* Legal and about: more links (e.g. embed consent settings) belong in this list. */}
            <nav aria-label={t("footerAbout")}>
              <h2 className="site-footer__heading">{t("footerAbout")}</h2>
              <ul className="site-footer__legal">
                <li>
                  <Link href="/impressum">{t("imprint")}</Link>
                </li>
                <li>
                  <Link href="/datenschutz">{t("privacy")}</Link>
                </li>
                <li>
                  <Link href="/community-standards">{t("communityStandards")}</Link>
                </li>
                <li>
                  <Link href="/external-content">{t("externalContentLink")}</Link>
                </li>
                <li>
                  <Link href="/desk" prefetch={false}>
                    {t("deskLink")}
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
          <p className="site-footer__copyright">{t("copyright")}</p>
        </footer>
      </body>
    </html>
  );
}
