import "server-only";
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { DeskLiveBlog, LiveAuthor, LiveBlogInfo, LiveKeyEvent, ReaderLiveEntry, ReaderLivePage } from "@/lib/live/types";
import { executor, type Ctx } from "../context";
import { articles, liveEntries, livePublishers, publications, users } from "../schema";
import { isVisible } from "../publications/queries";

/** Entries per reader page (page 1 also carries the pinned ones on top). */
export const LIVE_PAGE_SIZE = 20;

// The shapes readers and the desk get (they cross into components/, so they live in lib/).
export type { DeskLiveBlog, DeskLiveEntry, LiveAuthor, LiveBlogInfo, LiveKeyEvent, ReaderLiveEntry, ReaderLivePage } from "@/lib/live/types";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function authorsOf(db: Awaited<ReturnType<typeof executor>>, ids: number[]): Promise<Map<number, LiveAuthor>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.name, slug: users.slug }).from(users).where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A live blog readers may see: the article is a live blog and its publication is visible. */
async function visibleLiveBlog(db: Awaited<ReturnType<typeof executor>>, articleId: number): Promise<LiveBlogInfo | null> {
  const [row] = await db
    .select({
      state: articles.liveState,
      startedAt: articles.liveStartedAt,
      endedAt: articles.liveEndedAt,
      revision: articles.liveRevision,
      language: publications.language,
      sectionSlug: publications.sectionSlug,
      slug: publications.slug,
    })
    .from(articles)
    .innerJoin(publications, eq(publications.articleId, articles.id))
    .where(and(eq(articles.id, articleId), isNotNull(articles.liveState), isVisible));
  if (!row?.state) return null;
  return { state: row.state, startedAt: iso(row.startedAt), endedAt: iso(row.endedAt), revision: row.revision, language: row.language, path: `/${row.sectionSlug}/${row.slug}` };
}

/** A live blog as readers may see it (published, visible, a live blog), or null. */
export async function getVisibleLiveBlog(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<LiveBlogInfo | null> {
  return visibleLiveBlog(await executor(ctx), articleId);
}

const readerColumns = {
  id: liveEntries.id,
  title: liveEntries.title,
  html: liveEntries.bodyHtml,
  text: liveEntries.bodyText,
  publishedAt: liveEntries.publishedAt,
  editedAt: liveEntries.editedAt,
  pinned: liveEntries.pinned,
  keyEvent: liveEntries.keyEvent,
  authorIds: liveEntries.authorIds,
  deletedAt: liveEntries.deletedAt,
};
type ReaderRow = { id: number; title: string; html: string; text: string; publishedAt: Date | null; editedAt: Date | null; pinned: boolean; keyEvent: boolean; authorIds: number[] };

function toReader(row: ReaderRow, authors: Map<number, LiveAuthor>): ReaderLiveEntry {
  return {
    id: row.id,
    title: row.title,
    html: row.html,
    text: row.text,
    publishedAt: row.publishedAt!.toISOString(),
    editedAt: iso(row.editedAt),
    pinned: row.pinned,
    keyEvent: row.keyEvent,
    authors: row.authorIds.map((id) => authors.get(id)).filter((a): a is LiveAuthor => Boolean(a)),
  };
}

const shown = (articleId: number) => and(eq(liveEntries.articleId, articleId), isNotNull(liveEntries.publishedAt), isNull(liveEntries.deletedAt));
const newestFirst = [desc(liveEntries.publishedAt), desc(liveEntries.id)];

/**
 * One page of a live blog for readers: newest first, pinned entries on top of page 1 (and not
 * again in the stream), the key events of the whole blog with the page each one is on. Null if
 * the article is no live blog readers may see, or the page is past the end.
 */
export async function getLiveBlogPage(articleId: number, page: number, ctx?: Pick<Ctx, "tx">): Promise<ReaderLivePage | null> {
  const db = await executor(ctx);
  const info = await visibleLiveBlog(db, articleId);
  if (!info) return null;
  // The stream (not pinned) as ids in order: a live blog has hundreds of entries, not millions,
  // and the ids give both the page count and each key event's page.
  const order = await db
    .select({ id: liveEntries.id, pinned: liveEntries.pinned, keyEvent: liveEntries.keyEvent, title: liveEntries.title, publishedAt: liveEntries.publishedAt })
    .from(liveEntries)
    .where(shown(articleId))
    .orderBy(...newestFirst);
  const stream = order.filter((e) => !e.pinned);
  const pages = Math.max(1, Math.ceil(stream.length / LIVE_PAGE_SIZE));
  if (page > pages) return null;
  const pageIds = stream.slice((page - 1) * LIVE_PAGE_SIZE, page * LIVE_PAGE_SIZE).map((e) => e.id);
  const pinnedIds = page === 1 ? order.filter((e) => e.pinned).map((e) => e.id) : [];
  const ids = [...pinnedIds, ...pageIds];
  const rows = ids.length ? await db.select(readerColumns).from(liveEntries).where(inArray(liveEntries.id, ids)).orderBy(...newestFirst) : [];
  const authors = await authorsOf(db, rows.flatMap((r) => r.authorIds));
  const entries = rows.map((r) => toReader(r, authors));
  const pageOf = new Map(stream.map((e, i) => [e.id, Math.floor(i / LIVE_PAGE_SIZE) + 1]));
  return {
    ...info,
    page,
    pages,
    pinned: entries.filter((e) => e.pinned),
    entries: entries.filter((e) => !e.pinned),
    keyEvents: order.filter((e) => e.keyEvent).map((e) => ({ id: e.id, title: e.title, publishedAt: e.publishedAt!.toISOString(), page: pageOf.get(e.id) ?? 1 })),
  };
}

export type LiveChanges = LiveBlogInfo & {
  /** Entries published or changed after `since`, newest first. */
  entries: ReaderLiveEntry[];
  /** Entries readers had that are gone (deleted after publication). */
  removed: number[];
  keyEvents: LiveKeyEvent[];
};

/**
 * What changed in a live blog since the revision a reader's page has (the poll behind "3 new
 * entries — show"). Revisions commit in order (load.ts `nextRevision`), so nothing committed
 * later can carry an older number. Null if readers may not see this live blog.
 */
export async function getLiveChanges(articleId: number, since: number, ctx?: Pick<Ctx, "tx">): Promise<LiveChanges | null> {
  const db = await executor(ctx);
  const info = await visibleLiveBlog(db, articleId);
  if (!info) return null;
  if (since >= info.revision) return { ...info, entries: [], removed: [], keyEvents: [] };
  const rows = await db
    .select(readerColumns)
    .from(liveEntries)
    .where(and(eq(liveEntries.articleId, articleId), isNotNull(liveEntries.publishedAt), gt(liveEntries.revision, since)))
    .orderBy(...newestFirst)
    .limit(200);
  const authors = await authorsOf(db, rows.flatMap((r) => r.authorIds));
  const page = await getLiveBlogPage(articleId, 1, { tx: db });
  return {
    ...info,
    entries: rows.filter((r) => !r.deletedAt).map((r) => toReader(r, authors)),
    removed: rows.filter((r) => r.deletedAt).map((r) => r.id),
    keyEvents: page?.keyEvents ?? [],
  };
}

/** The desk's view of a live blog: every entry not deleted, drafts first, then newest first. */
export async function getDeskLiveBlog(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<DeskLiveBlog | null> {
  const db = await executor(ctx);
  const [a] = await db
    .select({ state: articles.liveState, startedAt: articles.liveStartedAt, endedAt: articles.liveEndedAt })
    .from(articles)
    .where(eq(articles.id, articleId));
  if (!a) return null;
  const publishers = await db.select({ userId: livePublishers.userId }).from(livePublishers).where(eq(livePublishers.articleId, articleId));
  const rows = a.state
    ? await db
        .select()
        .from(liveEntries)
        .where(and(eq(liveEntries.articleId, articleId), isNull(liveEntries.deletedAt)))
        .orderBy(sql`${liveEntries.publishedAt} desc nulls first`, desc(liveEntries.id))
    : [];
  const authors = await authorsOf(db, rows.flatMap((r) => r.authorIds));
  return {
    articleId,
    state: a.state,
    startedAt: iso(a.startedAt),
    endedAt: iso(a.endedAt),
    publisherIds: publishers.map((p) => p.userId),
    entries: rows.map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      body: r.body,
      authorIds: r.authorIds,
      authors: r.authorIds.map((id) => authors.get(id)?.name ?? "").filter(Boolean),
      createdById: r.createdById,
      pinned: r.pinned,
      keyEvent: r.keyEvent,
      publishedAt: iso(r.publishedAt),
      editedAt: iso(r.editedAt),
    })),
  };
}

/** Active journalists, for the "may publish entries here" picker. */
export async function listLivePublisherCandidates(ctx?: Pick<Ctx, "tx">): Promise<{ id: number; name: string }[]> {
  const db = await executor(ctx);
  return db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.role, "journalist"), eq(users.active, true))).orderBy(asc(users.name));
}

/**
 * A live blog's entry feed: its newest 50 entries as feed items, linking to their permalinks on
 * the live blog's page. Null if readers may not see the live blog.
 */
export async function getLiveFeed(articleId: number, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const info = await visibleLiveBlog(db, articleId);
  if (!info) return null;
  const [pub] = await db.select({ headline: publications.headline, sectionName: publications.sectionName }).from(publications).where(eq(publications.articleId, articleId));
  const rows = await db.select(readerColumns).from(liveEntries).where(shown(articleId)).orderBy(...newestFirst).limit(50);
  const authors = await authorsOf(db, rows.flatMap((r) => r.authorIds));
  const [, sectionSlug, slug] = info.path.split("/");
  return {
    ...info,
    headline: pub.headline,
    items: rows.map((r) => {
      const e = toReader(r, authors);
      return {
        id: e.id,
        sectionSlug,
        sectionName: pub.sectionName,
        slug,
        headline: e.title || (e.text.length > 90 ? `${e.text.slice(0, 89)}…` : e.text),
        standfirst: "",
        bodyHtml: e.html,
        bylines: e.authors,
        tags: [],
        publishedAt: new Date(e.publishedAt),
        updatedAt: new Date(e.editedAt ?? e.publishedAt),
        /** Made absolute by the route (it knows the site's origin). */
        anchor: `${info.path}#entry-${e.id}`,
      };
    }),
  };
}
