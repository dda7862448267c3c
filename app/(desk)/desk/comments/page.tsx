import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { countCommentsByStatus, getCommentQueueArticle, listCommentArticles, listModerationQueue } from "@/db/comments/queries";
import { CommentStatus } from "@/db/comments/schemas";
import { getViewer } from "@/app/auth";
import { commentParagraphs } from "@/lib/comments";
import { formatDateTime } from "@/lib/dates";
import { isLocale } from "@/lib/i18n";
import { can } from "@/lib/permissions";
import { CommentQueue } from "@/components/desk/CommentQueue";
import { CommentsOpenToggle } from "@/components/desk/CommentsOpenToggle";
import { TableScroll } from "@/components/ui/TableScroll";
import { moderateCommentsAction, setCommentsOpenAction } from "./actions";

type Props = { searchParams: Promise<{ status?: string | string[]; page?: string | string[]; article?: string | string[] }> };

/** `?article=<id>`: the queue of one article's comments (linked from the table of articles below). */
const ArticleParam = z.coerce.number().int().positive().max(2 ** 31 - 1);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("comments");
  return { title: t("deskTitle") };
}

/** The moderation queue: comments by status, bulk approve / reject / spam, comments open per article. */
export default async function CommentQueuePage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("comments");
  if (!can(viewer, "comment.moderate")) {
    return (
      <>
        <h1>{t("deskTitle")}</h1>
        <p className="empty-state" role="alert">
          {t("notAllowed")}
        </p>
      </>
    );
  }
  const locale = await getLocale();
  const lang = isLocale(locale) ? locale : "en";
  const params = await searchParams;
  const parsed = CommentStatus.safeParse(first(params.status));
  const status = parsed.success ? parsed.data : "pending";
  const articleParam = first(params.article);
  const wanted = articleParam === undefined ? null : ArticleParam.safeParse(articleParam);
  // An address that names no article (mistyped, or the article was deleted) says so and shows every article's comments.
  const article = wanted?.success ? await getCommentQueueArticle(wanted.data) : null;
  const filter = article ? { articleId: article.articleId } : {};
  const counts = await countCommentsByStatus(filter);
  const queue = await listModerationQueue({ status, page: Number(first(params.page)) || 1, ...filter });
  const articles = await listCommentArticles();
  const href = (s: CommentStatus, page = 1) =>
    `/desk/comments?${new URLSearchParams({ status: s, ...(article ? { article: String(article.articleId) } : {}), ...(page > 1 ? { page: String(page) } : {}) })}`;
  const items = queue.items.map((c) => ({
    id: c.id,
    headline: c.headline,
    href: c.href,
    authorName: c.authorName,
    paragraphs: commentParagraphs(c.body).map((lines) => lines.join("\n")),
    createdAt: c.createdAt,
    createdLabel: formatDateTime(c.createdAt, lang),
    moderated:
      c.moderatedAt && c.moderatedBy
        ? `${t("moderatedBy", { status: t(`status.${c.status}`), name: c.moderatedBy })}, ${formatDateTime(c.moderatedAt, lang)}`
        : null,
  }));
  return (
    <>
      <h1>{t("deskTitle")}</h1>
      {article ? (
        <p className="comment-filter">
          {t("filteredTo", { headline: article.headline })} <Link href="/desk/comments">{t("filterAll")}</Link>
        </p>
      ) : (
        wanted && (
          <p className="comment-filter" role="alert">
            {t("filterUnknown")}
          </p>
        )
      )}
      <nav aria-label={t("statusNav")} className="comment-tabs">
        <ul>
          {CommentStatus.options.map((s) => (
            <li key={s}>
              <Link href={href(s)} aria-current={s === status ? "page" : undefined}>
                {t(`status.${s}`)} <span className="count">{counts[s]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section className="panel" aria-labelledby="comment-queue-heading">
        <h2 id="comment-queue-heading">
          {t("queueHeading", { status: t(`status.${status}`) })} <span className="count">{queue.total}</span>
        </h2>
        {/* A new tab or page starts with nothing selected and no old answer; a refresh after a bulk action keeps the answer. */}
        <CommentQueue key={`${status}-${queue.page}`} items={items} emptyText={t(`empty.${status}`)} action={moderateCommentsAction} />
        {queue.pages > 1 && (
          <nav aria-label={t("pagination")} className="pagination">
            {queue.page > 1 && <Link href={href(status, queue.page - 1)}>{t("previousPage")}</Link>}
            <span>{t("pageOf", { page: queue.page, pages: queue.pages })}</span>
            {queue.page < queue.pages && <Link href={href(status, queue.page + 1)}>{t("nextPage")}</Link>}
          </nav>
        )}
      </section>
      <section className="panel" aria-labelledby="comment-articles-heading">
        <h2 id="comment-articles-heading">{t("articlesHeading")}</h2>
        <p className="field__hint">{t("articlesHint")}</p>
        {articles.length === 0 ? (
          <p className="empty-state">{t("noArticles")}</p>
        ) : (
          <TableScroll name={t("articlesHeading")}>
            <table className="desk-table">
              <thead>
                <tr>
                  <th scope="col">{t("colArticle")}</th>
                  <th scope="col">{t("colPending")}</th>
                  <th scope="col">{t("colApproved")}</th>
                  <th scope="col">{t("colComments")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("colChange")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {articles.map((a) => (
                  <tr key={a.articleId}>
                    <td>
                      <a href={a.href}>{a.headline}</a>
                    </td>
                    <td>
                      <Link href={`/desk/comments?${new URLSearchParams({ article: String(a.articleId) })}`}>
                        {a.pending}
                        <span className="visually-hidden"> {t("pendingOn", { headline: a.headline })}</span>
                      </Link>
                    </td>
                    <td>{a.approved}</td>
                    <td>{a.commentsOpen ? t("open") : t("closedShort")}</td>
                    <td>
                      <CommentsOpenToggle articleId={a.articleId} headline={a.headline} open={a.commentsOpen} action={setCommentsOpenAction} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
