import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { ArticleEvent, DeskArticle } from "@/lib/desk/types";
import type { EditableArticle, EditableRelated } from "@/lib/editor/article";
import type { Viewer } from "@/lib/permissions";
import type { ArticleStatus } from "@/lib/workflow";
import { executor, queryText, type Ctx } from "../context";
import {
  articleAuthors,
  articleEvents,
  articles,
  articleTags,
  media,
  publications,
  relatedLinks,
  sections,
  tags,
  users,
} from "../schema";

export async function getArticleForEdit(id: number, ctx?: Pick<Ctx, "tx">): Promise<EditableArticle | null> {
  const db = await executor(ctx);
  const [row] = await db
    .select({
      article: articles,
      sectionSlug: sections.slug,
      liveSection: publications.sectionSlug,
      liveSlug: publications.slug,
      liveFrom: publications.visibleFrom,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(publications, eq(publications.articleId, articles.id))
    .where(eq(articles.id, id));
  if (!row) return null;
  const authors = await db
    .select({ id: users.id, name: users.name })
    .from(articleAuthors)
    .innerJoin(users, eq(users.id, articleAuthors.userId))
    .where(eq(articleAuthors.articleId, id))
    .orderBy(asc(articleAuthors.position));
  const a = row.article;
  const live = row.liveFrom !== null && row.liveFrom.getTime() <= Date.now();
  const status = a.status === "scheduled" && live ? "published" : a.status;
  const [image] = a.leadImageId
    ? await db.select().from(media).where(eq(media.id, a.leadImageId))
    : [];
  const tagRows = await db
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, id))
    .orderBy(asc(articleTags.position));
  const links = await db
    .select({ link: relatedLinks, liveSection: publications.sectionSlug, liveSlug: publications.slug })
    .from(relatedLinks)
    .leftJoin(publications, eq(publications.articleId, relatedLinks.targetArticleId))
    .where(eq(relatedLinks.articleId, id))
    .orderBy(asc(relatedLinks.position));
  return {
    id: a.id,
    headline: a.headline,
    standfirst: a.standfirst,
    sectionId: a.sectionId,
    sectionSlug: row.sectionSlug,
    slug: a.slug,
    language: a.language,
    body: a.body,
    status,
    version: a.version,
    publishedVersion: a.publishedVersion,
    createdById: a.createdById,
    authorIds: authors.map((u) => u.id),
    authors,
    updatedAt: a.updatedAt.toISOString(),
    liveUrl: row.liveSection && live ? `/${row.liveSection}/${row.liveSlug}` : null,
    scheduledFor: a.status === "scheduled" && row.liveFrom && !live ? row.liveFrom.toISOString() : null,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    lead: image
      ? {
          mediaId: image.id,
          storageKey: image.storageKey,
          variants: image.variants,
          width: image.width,
          height: image.height,
          filename: image.filename,
          caption: a.leadCaption,
          credit: a.leadCredit,
          alt: a.leadAlt,
        }
      : null,
    tags: tagRows.map((t) => t.name),
    related: links.map(({ link, liveSection, liveSlug }): EditableRelated =>
      link.targetArticleId !== null
        ? { articleId: link.targetArticleId, title: link.title, href: liveSection ? `/${liveSection}/${liveSlug}` : null }
        : { url: link.url ?? "", title: link.title },
    ),
  };
}

/** The status people should see: a schedule whose time has come is simply published. */
const effectiveStatus = sql<ArticleStatus>`case when ${articles.status} = 'scheduled' and ${publications.visibleFrom} <= now() then 'published'::article_status else ${articles.status} end`;

/**
 * Where a page of the desk's list starts or ends: the row's last change, to the microsecond as
 * PostgreSQL keeps it (a JavaScript Date would round it to the millisecond and skip or repeat
 * rows changed within the same millisecond), and its id.
 */
export type DeskCursor = { at: string; id: number };
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)~(\d{1,10})$/;
/** `2026-12-04T10:11:12.123456Z~4711`, as it goes in the desk list's address. */
export const formatDeskCursor = (c: DeskCursor) => `${c.at}~${c.id}`;
/** A cursor from the address, or undefined for anything else (never an error: a stale link is just page 1). */
export function parseDeskCursor(value: string | undefined): DeskCursor | undefined {
  const m = value ? CURSOR.exec(value) : null;
  if (!m || !Number.isFinite(Date.parse(m[1]))) return undefined;
  const id = Number(m[2]);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? { at: m[1], id } : undefined;
}
const cursorAt = sql<string>`to_char(${articles.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

type DeskListOptions = {
  limit?: number;
  offset?: number;
  order?: "updated" | "scheduled";
  /** Keyset paging (newest change first only): the rows after (older than) or before (newer than) this one. */
  after?: DeskCursor;
  before?: DeskCursor;
};

/**
 * One of the desk's lists. The page's rows are chosen first, from the articles and their
 * publication alone (what the filter and the order need); sections and bylines are joined to
 * those rows only. With them in the same select, PostgreSQL computed the bylines of every row
 * an OFFSET skips: page 400 of a million articles built 10,000 byline arrays to show 25.
 */
async function deskList(db: Awaited<ReturnType<typeof executor>>, where: SQL | undefined, opts: DeskListOptions = {}) {
  const backwards = Boolean(opts.before);
  const keyset = opts.after
    ? sql`(${articles.updatedAt}, ${articles.id}) < (${opts.after.at}::timestamptz, ${opts.after.id}::int)`
    : opts.before
      ? sql`(${articles.updatedAt}, ${articles.id}) > (${opts.before.at}::timestamptz, ${opts.before.id}::int)`
      : undefined;
  const order = () =>
    opts.order === "scheduled"
      ? [asc(publications.visibleFrom), desc(articles.id)]
      : backwards
        ? [asc(articles.updatedAt), asc(articles.id)]
        : [desc(articles.updatedAt), desc(articles.id)];
  const chosen = db
    .select({ id: articles.id })
    .from(articles)
    .leftJoin(publications, eq(publications.articleId, articles.id))
    .where(and(where, keyset))
    .orderBy(...order())
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0)
    .as("chosen");
  const rows = await db
    .select({
      id: articles.id,
      headline: articles.headline,
      status: effectiveStatus,
      sectionName: sections.name,
      updatedAt: articles.updatedAt,
      cursorAt,
      version: articles.version,
      publishedVersion: articles.publishedVersion,
      visibleFrom: publications.visibleFrom,
      authors: sql<string[]>`coalesce((
        select array_agg(u.name order by aa.position) from ${articleAuthors} aa
        join ${users} u on u.id = aa.user_id where aa.article_id = ${articles.id}), '{}')`,
    })
    .from(chosen)
    .innerJoin(articles, eq(articles.id, chosen.id))
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(publications, eq(publications.articleId, articles.id))
    .orderBy(...order());
  if (backwards) rows.reverse();
  return rows.map((r) => ({
    cursor: { at: r.cursorAt, id: r.id } as DeskCursor,
    article: {
      id: r.id,
      headline: r.headline,
      status: r.status,
      sectionName: r.sectionName ?? "",
      updatedAt: r.updatedAt.toISOString(),
      authors: r.authors,
      hasUnpublishedChanges: r.status === "published" && r.publishedVersion !== null && r.version > r.publishedVersion,
      scheduledFor: r.status === "scheduled" && r.visibleFrom ? r.visibleFrom.toISOString() : null,
    } satisfies DeskArticle,
  }));
}

const articlesOf = (rows: Awaited<ReturnType<typeof deskList>>) => rows.map((r) => r.article);

const isMine = (viewer: Viewer) =>
  sql`exists (select 1 from ${articleAuthors} aa where aa.article_id = ${articles.id} and aa.user_id = ${viewer.id})`;
const isScheduled = and(eq(articles.status, "scheduled"), sql`${publications.visibleFrom} > now()`);
const isLive = and(inArray(articles.status, ["published", "scheduled"]), sql`${publications.visibleFrom} <= now()`);

/** The desk's dashboard lists for one person: their own work first, then the newsroom's queues. */
export async function getDeskOverview(viewer: Viewer, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const mine = isMine(viewer);
  // Sequential on purpose: inside a transaction there is one connection to share.
  const myDrafts = articlesOf(await deskList(db, and(eq(articles.status, "draft"), mine)));
  const changesRequested = articlesOf(await deskList(db, and(eq(articles.status, "changes_requested"), viewer.role === "journalist" ? mine : undefined)));
  const awaitingReview = articlesOf(await deskList(db, and(eq(articles.status, "in_review"), viewer.role === "journalist" ? mine : undefined)));
  const scheduled = articlesOf(await deskList(db, isScheduled, { order: "scheduled" }));
  const published = articlesOf(await deskList(db, isLive, { limit: 20 }));
  return { myDrafts, changesRequested, awaitingReview, scheduled, published };
}

export const DESK_PAGE_SIZE = 25;
/** How many matches the desk's filtered list counts; beyond, it says "1,000+". */
export const DESK_COUNTED = 1000;

export type DeskFilter = {
  q?: string;
  status?: ArticleStatus;
  sectionId?: number;
  authorId?: number;
  /** The page's number: where it starts when no cursor is given (OFFSET), else only its label. */
  page?: number;
  /** Next/previous from a page shown: the rows after its last row, or before its first (keyset paging). */
  after?: DeskCursor;
  before?: DeskCursor;
};

/**
 * Every article, filtered by headline words, status, section and author; newest change first.
 * Next and previous page go by cursor (`after`/`before` the row at the page's edge: as fast on
 * page 400 as on page 2, and an article changed meanwhile neither repeats nor goes missing);
 * a page number alone (an address typed or kept) still works, by OFFSET.
 */
export async function searchDeskArticles(filter: DeskFilter, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  let page = Math.max(1, Math.min(filter.page ?? 1, 10_000));
  const term = filter.q && queryText(filter.q).trim().slice(0, 100);
  const where = and(
    term ? ilike(articles.headline, `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    filter.status === "scheduled" ? isScheduled : filter.status === "published" ? isLive : filter.status ? eq(articles.status, filter.status) : undefined,
    filter.sectionId ? eq(articles.sectionId, filter.sectionId) : undefined,
    filter.authorId
      ? sql`exists (select 1 from ${articleAuthors} aa where aa.article_id = ${articles.id} and aa.user_id = ${filter.authorId})`
      : undefined,
  );
  // Counted up to one past DESK_COUNTED: a count of every match reads every match (on a million
  // articles "published" took 2.5 s); nobody pages through more than this, they narrow the filter.
  const matching = db.select({ one: sql`1` }).from(articles).leftJoin(publications, eq(publications.articleId, articles.id)).where(where).limit(DESK_COUNTED + 1).as("matching");
  const [{ counted }] = await db.select({ counted: count() }).from(matching);
  const keyset = page > 1 && filter.after ? { after: filter.after } : page > 1 && filter.before ? { before: filter.before } : null;
  let rows = await deskList(db, where, keyset ? { limit: DESK_PAGE_SIZE, ...keyset } : { limit: DESK_PAGE_SIZE, offset: (page - 1) * DESK_PAGE_SIZE });
  if (keyset?.before && rows.length < DESK_PAGE_SIZE) {
    // Back at the start (articles changed since moved to the top): the first page, whole.
    page = 1;
    rows = await deskList(db, where, { limit: DESK_PAGE_SIZE });
  }
  const items = articlesOf(rows);
  const more = Number(counted) > DESK_COUNTED;
  const total = Math.min(Number(counted), DESK_COUNTED);
  // Past the counted pages: this one at least, and a next one after a full page.
  const reached = more && items.length > 0 ? (items.length === DESK_PAGE_SIZE ? page + 1 : page) : 0;
  const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE), reached);
  // Where the next and the previous page start (page 1 needs no cursor).
  const next = rows.length === DESK_PAGE_SIZE ? rows[rows.length - 1].cursor : null;
  const previous = page > 2 && rows.length > 0 ? rows[0].cursor : null;
  return { items, total, more, page, pages, next, previous };
}

/** The audit trail of one article, newest first: who moved it where, when, and why. */
export async function listArticleEvents(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<ArticleEvent[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({
      id: articleEvents.id,
      action: articleEvents.action,
      from: articleEvents.fromStatus,
      to: articleEvents.toStatus,
      note: articleEvents.note,
      actor: users.name,
      at: articleEvents.createdAt,
    })
    .from(articleEvents)
    .leftJoin(users, eq(users.id, articleEvents.actorId))
    .where(eq(articleEvents.articleId, articleId))
    .orderBy(desc(articleEvents.createdAt), desc(articleEvents.id))
    .limit(100);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}

export type LinkableArticle = { id: number; headline: string; sectionName: string; href: string; publishedAt: string };

/**
 * Live articles to link to or relate, for the editor's pickers: headline words as typed
 * (prefixes too, "Hafen" finds "Hafenstraße"), newest first.
 */
export async function findLinkableArticles(q: string, ctx?: Pick<Ctx, "tx">): Promise<LinkableArticle[]> {
  const term = queryText(q).trim().slice(0, 100);
  if (!term) return [];
  const db = await executor(ctx);
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({
      id: publications.articleId,
      headline: publications.headline,
      sectionName: publications.sectionName,
      sectionSlug: publications.sectionSlug,
      slug: publications.slug,
      publishedAt: publications.publishedAt,
    })
    .from(publications)
    .where(and(sql`${publications.visibleFrom} <= now()`, ilike(publications.headline, pattern)))
    .orderBy(desc(publications.publishedAt))
    .limit(8);
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    sectionName: r.sectionName ?? "",
    href: `/${r.sectionSlug}/${r.slug}`,
    publishedAt: r.publishedAt.toISOString(),
  }));
}

/** Existing tags starting with (or containing) what was typed, for the tag field's suggestions. */
export async function suggestTags(q: string, ctx?: Pick<Ctx, "tx">): Promise<string[]> {
  const term = queryText(q).trim().slice(0, 60);
  if (!term) return [];
  const db = await executor(ctx);
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ name: tags.name })
    .from(tags)
    .where(ilike(tags.name, pattern))
    .orderBy(sql`position(lower(${term}) in lower(${tags.name}))`, asc(tags.name))
    .limit(10);
  return rows.map((r) => r.name);
}
