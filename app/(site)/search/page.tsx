import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { SEARCH_PAGE_SIZE } from "@/db/publications/search";
import { cachedSearch } from "@/db/reader-queries";
import { formatDateTime } from "@/lib/dates";
import { SITE_LOCALE } from "@/lib/i18n";
import { Pager } from "@/components/site/Pager";
import { siteOrigin } from "@/lib/site-url";
import { Snippet } from "@/components/site/Snippet";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return { title: t("searchTitle"), description: t("searchDescription"), robots: { index: false, follow: true }, alternates: { canonical: `${siteOrigin()}/search` } };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const params = await searchParams;
  // The raw words and page number as the reader sent them (the verb validates them); the
  // results for them are cached until any publication changes.
  const result = await cachedSearch(String(first(params.q) ?? "").slice(0, 400), String(first(params.page) ?? "1").slice(0, 8));
  const pages = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  const pageHref = (page: number) => `/search?${new URLSearchParams({ q: result.q, page: String(page) })}`;
  return (
    <>
      <h1 className="page-title">{result.q ? t("searchResultsFor", { q: result.q }) : t("searchTitle")}</h1>
      <form role="search" action="/search" className="search-form" aria-label={t("searchRefine")}>
        <label htmlFor="search-page-q" className="visually-hidden">
          {t("searchLabel")}
        </label>
        <input id="search-page-q" name="q" type="search" defaultValue={result.q} placeholder={t("searchPlaceholder")} maxLength={200} />
        <button className="button button--primary" type="submit">
          {t("searchSubmit")}
        </button>
      </form>
      {result.q ? (
        <p className="search-count">{result.more ? t("searchCountMore", { count: result.total }) : t("searchCount", { count: result.total })}</p>
      ) : (
        <p>{t("searchHint")}</p>
      )}
      <ol className="search-results">
        {result.hits.map((hit) => (
          <li key={hit.id} lang={hit.language}>
            <p className="teaser__kicker">{hit.sectionName}</p>
            <h2 className="teaser__headline">
              <Link href={hit.href}>{hit.headline}</Link>
            </h2>
            <p className="search-snippet">
              <Snippet text={hit.snippet} />
            </p>
            <p className="teaser__meta">
              <time dateTime={hit.publishedAt}>{formatDateTime(hit.publishedAt, hit.language)}</time>
            </p>
          </li>
        ))}
      </ol>
      <Pager page={result.page} hasNext={result.page < pages} href={pageHref} label={t("pageOf", { page: result.page, pages })} />
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
