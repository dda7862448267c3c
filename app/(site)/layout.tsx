import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { cachedSections } from "@/lib/cache/reader";
import { SITE_LOCALE } from "@/lib/i18n";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Copydesk", template: "%s · Copydesk" },
  alternates: { types: { "application/rss+xml": "/feeds/rss.xml", "application/atom+xml": "/feeds/atom.xml" } },
};

/** Root layout of the reader site, in the site's configured language. */
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  // Nothing may read the database during `next build`. Pages with parameters are only ever
  // rendered at run time (and cached); the few without (community standards, 404) become
  // per-request pages this way.
  if (process.env.NEXT_PHASE === "phase-production-build") await connection();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const sections = await cachedSections();
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
          <nav aria-label={t("sectionsNav")} className="section-nav">
            <ul>
              {sections.map((s) => (
                <li key={s.id}>
                  <Link href={`/${s.slug}`}>{s.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
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
