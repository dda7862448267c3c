import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { DeskArticle } from "@/lib/desk/types";
import { formatDateTime, formatRelative } from "@/lib/dates";
import { TableScroll } from "@/components/ui/TableScroll";

/** The desk's list of articles; `name`: the list's heading, which names its scrolling box too. */
export async function ArticleTable({ articles, empty, name }: { articles: DeskArticle[]; empty: string; name: string }) {
  const t = await getTranslations();
  const locale = await getLocale();
  if (articles.length === 0) return <p className="empty-state">{empty}</p>;
  const now = new Date();
  return (
    <TableScroll name={name}>
      <table className="desk-table">
        <thead>
          <tr>
            <th scope="col">{t("desk.colHeadline")}</th>
            <th scope="col">{t("desk.colSection")}</th>
            <th scope="col">{t("desk.colByline")}</th>
            <th scope="col">{t("desk.colStatus")}</th>
            <th scope="col">{t("desk.colLastChange")}</th>
          </tr>
        </thead>
        <tbody>
          {articles.map((a) => (
            <tr key={a.id}>
              <td>
                <Link href={`/desk/articles/${a.id}`}>{a.headline}</Link>
              </td>
              <td>{a.sectionName}</td>
              <td>{a.authors.join(", ")}</td>
              <td>
                <span className={`status status--${a.status}`}>{t(`status.${a.status}`)}</span>
                {a.scheduledFor && <span className="field__hint">{` ${t("desk.scheduledFor", { time: formatDateTime(a.scheduledFor, locale) })}`}</span>}
                {a.hasUnpublishedChanges && <span className="field__hint">{` · ${t("desk.unpublishedChanges")}`}</span>}
              </td>
              <td>
                <time dateTime={a.updatedAt} title={formatDateTime(a.updatedAt, locale)}>
                  {formatRelative(a.updatedAt, locale, now)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
