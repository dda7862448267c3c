import Link from "next/link";
import type { DeskArticle } from "@/db/articles/queries";
import { formatDateTime } from "@/lib/dates";
import { STATUS_LABELS } from "@/lib/workflow";

export function ArticleTable({ articles, empty }: { articles: DeskArticle[]; empty: string }) {
  if (articles.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <table className="desk-table">
      <thead>
        <tr>
          <th scope="col">Headline</th>
          <th scope="col">Section</th>
          <th scope="col">Byline</th>
          <th scope="col">Status</th>
          <th scope="col">Last change</th>
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
              <span className={`status status--${a.status}`}>{STATUS_LABELS[a.status]}</span>
              {a.hasUnpublishedChanges && <span className="field__hint"> · unpublished changes</span>}
            </td>
            <td>
              <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, "en-GB")}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
