import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listArticlesBeingEdited } from "@/db/articles/presence-queries";
import { formatDeskCursor, getDeskOverview, parseDeskCursor, searchDeskArticles, type DeskCursor, type DeskFilter } from "@/db/articles/queries";
import { listSections } from "@/db/sections/queries";
import { listNewsroomUsers } from "@/db/users/queries";
import { getViewer } from "@/app/auth";
import { can } from "@/lib/permissions";
import { ARTICLE_STATUSES, type ArticleStatus } from "@/lib/workflow";
import type { DeskArticle } from "@/lib/desk/types";
import { ArticleTable } from "@/components/desk/ArticleTable";
import { BeingEdited } from "@/components/desk/BeingEdited";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("metaTitle") };
}

type Search = { q?: string; status?: string; section?: string; author?: string; page?: string; after?: string; before?: string };

const positive = (value?: string) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

/** Reads the filter form leniently: anything malformed is simply not a filter. */
function readFilter(search: Search): DeskFilter {
  return {
    q: search.q?.slice(0, 100) || undefined,
    status: ARTICLE_STATUSES.includes(search.status as ArticleStatus) ? (search.status as ArticleStatus) : undefined,
    sectionId: positive(search.section),
    authorId: positive(search.author),
    page: positive(search.page) ?? 1,
    after: parseDeskCursor(search.after),
    before: parseDeskCursor(search.before),
  };
}

export default async function DeskPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations();
  const search = await searchParams;
  const filter = readFilter(search);
  const filtering = Boolean(filter.q || filter.status || filter.sectionId || filter.authorId || (filter.page ?? 1) > 1);
  // The queues or the filtered list: a page shows one of them, so it asks for that one only.
  const found = filtering ? await searchDeskArticles(filter) : null;
  const overview = found ? null : await getDeskOverview(viewer);
  const sections = await listSections();
  const people = await listNewsroomUsers();
  const reviews = can(viewer, "article.publish");
  const beingEdited = await listArticlesBeingEdited();
  const queue = (id: string, title: string, list: DeskArticle[], empty: string) => (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{list.length}</span>
      </h2>
      <ArticleTable articles={list} empty={empty} name={title} />
    </section>
  );
  // Next and previous carry the cursor of the row at the page's edge (keyset paging: page 400
  // costs what page 2 does); the page number stays in the address as the page's label.
  const pageLink = (page: number, edge: { after?: DeskCursor | null; before?: DeskCursor | null }) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(search)) if (value && key !== "after" && key !== "before") params.set(key, value);
    params.set("page", String(page));
    if (page > 1 && edge.after) params.set("after", formatDeskCursor(edge.after));
    if (page > 1 && edge.before) params.set("before", formatDeskCursor(edge.before));
    return `/desk?${params.toString()}`;
  };

  return (
    <>
      <div className="action-bar">
        <h1 style={{ margin: 0 }}>{t("desk.dashboard")}</h1>
        <Link className="button button--primary" href="/desk/articles/new" style={{ marginLeft: "auto" }}>
          {t("desk.newArticle")}
        </Link>
      </div>
      <BeingEdited articles={beingEdited} />
      <form className="filter-form panel" method="get" action="/desk" role="search" aria-label={t("desk.filterLabel")}>
        <div className="field">
          <label htmlFor="filter-q">{t("desk.filterHeadline")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t("desk.colStatus")}</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("desk.filterAny")}</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-section">{t("desk.colSection")}</label>
          <select id="filter-section" name="section" defaultValue={filter.sectionId ? String(filter.sectionId) : ""}>
            <option value="">{t("desk.filterAny")}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-author">{t("desk.colByline")}</label>
          <select id="filter-author" name="author" defaultValue={filter.authorId ? String(filter.authorId) : ""}>
            <option value="">{t("desk.filterAny")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t("desk.filterApply")}
        </button>
        {filtering && (
          <Link className="button button--ghost" href="/desk">
            {t("desk.filterClear")}
          </Link>
        )}
      </form>
      {found ? (
        <section className="panel" aria-labelledby="found-heading">
          <h2 id="found-heading">
            {t("desk.filterResults")} <span className="count">{found.more ? `${found.total}+` : found.total}</span>
          </h2>
          <ArticleTable articles={found.items} empty={t("desk.filterNone")} name={t("desk.filterResults")} />
          {found.pages > 1 && (
            <nav className="pagination" aria-label={t("desk.pagination")}>
              {found.page > 1 && <Link href={pageLink(found.page - 1, { before: found.previous })}>{t("desk.previousPage")}</Link>}
              <span>{t("desk.pageOf", { page: found.page, pages: found.more ? `${found.pages}+` : found.pages })}</span>
              {found.page < found.pages && <Link href={pageLink(found.page + 1, { after: found.next })}>{t("desk.nextPage")}</Link>}
            </nav>
          )}
        </section>
      ) : overview ? (
        <>
          {reviews && queue("review-heading", t("desk.awaitingReview"), overview.awaitingReview, t("desk.nothingAwaitingReview"))}
          {queue("drafts-heading", t("desk.myDrafts"), overview.myDrafts, t("desk.noDrafts"))}
          {queue("changes-heading", reviews ? t("desk.changesRequestedAll") : t("desk.changesRequested"), overview.changesRequested, t("desk.nothingChangesRequested"))}
          {!reviews && overview.awaitingReview.length > 0 && queue("inreview-heading", t("desk.inReview"), overview.awaitingReview, "")}
          {queue("scheduled-heading", t("desk.scheduled"), overview.scheduled, t("desk.nothingScheduled"))}
          <section className="panel" aria-labelledby="published-heading">
            <h2 id="published-heading">{t("desk.recentlyPublished")}</h2>
            <ArticleTable articles={overview.published} empty={t("desk.nothingPublished")} name={t("desk.recentlyPublished")} />
          </section>
        </>
      ) : null}
    </>
  );
}
