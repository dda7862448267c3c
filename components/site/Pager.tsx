import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SITE_LOCALE } from "@/lib/i18n";

/**
 * Previous/next links under a list. `href(n)` gives page n's address; `label` says where the
 * reader is ("Page 2 of 7", or just "Page 2" when the total isn't counted).
 */
export async function Pager({ page, hasNext, href, label }: { page: number; hasNext: boolean; href: (page: number) => string; label?: string }) {
  if (page <= 1 && !hasNext) return null;
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  return (
    <nav aria-label={t("pagination")} className="pagination">
      {page > 1 && (
        <Link href={href(page - 1)} rel="prev">
          {t("previousPage")}
        </Link>
      )}
      <span>{label ?? t("pageNumber", { page })}</span>
      {hasNext && (
        <Link href={href(page + 1)} rel="next">
          {t("nextPage")}
        </Link>
      )}
    </nav>
  );
}

/** A list page's number from its address ("2" → 2), or null for anything that isn't one. */
export function pageParam(value: string | undefined): number | null {
  return value && /^[1-9][0-9]{0,4}$/.test(value) ? Number(value) : null;
}

/** Page n of a list whose first page lives at `base`: /politik, /politik/p/2 … */
export function listPageHref(base: string) {
  return (page: number) => (page <= 1 ? base : `${base === "/" ? "" : base}/p/${page}`);
}
