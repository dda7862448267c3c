import { getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/dates";
import { SITE_LOCALE } from "@/lib/i18n";
import { pageParagraphs } from "@/lib/site-pages";
import { PlainParagraphs } from "./PlainParagraphs";

/** The imprint or privacy page as an admin wrote it (plain text, paragraphs), or a note that it is still empty. */
export async function SitePageView({ page }: { page: { title: string; body: string; updatedAt: string | null } }) {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const paragraphs = pageParagraphs(page.body);
  return (
    <article className="article site-page">
      <h1 className="article__headline">{page.title}</h1>
      {paragraphs.length === 0 ? (
        <p className="empty-state">{t("sitePageEmpty")}</p>
      ) : (
        <div className="article__body">
          <PlainParagraphs paragraphs={paragraphs} />
        </div>
      )}
      {page.updatedAt && <p className="teaser__meta">{t("sitePageUpdated", { date: formatDateTime(page.updatedAt, SITE_LOCALE) })}</p>}
    </article>
  );
}
