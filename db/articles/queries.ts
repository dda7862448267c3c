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

async function deskList(db: Awaited<ReturnType<typeof executor>>, where: SQL | undefined, opts: { limit?: number; offset?: number; order?: "updated" | "scheduled" } = {}) {
  const rows = await db
    .select({
      id: articles.id,
      headline: articles.headline,
      status: effectiveStatus,
      sectionName: sections.name,
      updatedAt: articles.updatedAt,
      version: articles.version,
      publishedVersion: articles.publishedVersion,
      visibleFrom: publications.visibleFrom,
      authors: sql<string[]>`coalesce((
        select array_agg(u.name order by aa.position) from ${articleAuthors} aa
        join ${users} u on u.id = aa.user_id where aa.article_id = ${articles.id}), '{}')`,
    })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .leftJoin(publications, eq(publications.articleId, articles.id))
    .where(where)
    .orderBy(opts.order === "scheduled" ? asc(publications.visibleFrom) : desc(articles.updatedAt), desc(articles.id))
    .limit(opts.limit ?? 50)
    .offset(opts.offset ?? 0);
  return rows.map(
    (r): DeskArticle => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      sectionName: r.sectionName ?? "",
      updatedAt: r.updatedAt.toISOString(),
      authors: r.authors,
      hasUnpublishedChanges: r.status === "published" && r.publishedVersion !== null && r.version > r.publishedVersion,
      scheduledFor: r.status === "scheduled" && r.visibleFrom ? r.visibleFrom.toISOString() : null,
    }),
  );
}

const isMine = (viewer: Viewer) =>
  sql`exists (select 1 from ${articleAuthors} aa where aa.article_id = ${articles.id} and aa.user_id = ${viewer.id})`;
const isScheduled = and(eq(articles.status, "scheduled"), sql`${publications.visibleFrom} > now()`);
const isLive = and(inArray(articles.status, ["published", "scheduled"]), sql`${publications.visibleFrom} <= now()`);

/** The desk's dashboard lists for one person: their own work first, then the newsroom's queues. */
export async function getDeskOverview(viewer: Viewer, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const mine = isMine(viewer);
  // Sequential on purpose: inside a transaction there is one connection to share.
  const myDrafts = await deskList(db, and(eq(articles.status, "draft"), mine));
  const changesRequested = await deskList(db, and(eq(articles.status, "changes_requested"), viewer.role === "journalist" ? mine : undefined));
  const awaitingReview = await deskList(db, and(eq(articles.status, "in_review"), viewer.role === "journalist" ? mine : undefined));
  const scheduled = await deskList(db, isScheduled, { order: "scheduled" });
  const published = await deskList(db, isLive, { limit: 20 });
  return { myDrafts, changesRequested, awaitingReview, scheduled, published };
}

export const DESK_PAGE_SIZE = 25;
/** How many matches the desk's filtered list counts; beyond, it says "1,000+". */
export const DESK_COUNTED = 1000;

export type DeskFilter = { q?: string; status?: ArticleStatus; sectionId?: number; authorId?: number; page?: number };

/** Every article, filtered by headline words, status, section and author; newest change first. */
export async function searchDeskArticles(filter: DeskFilter, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const page = Math.max(1, Math.min(filter.page ?? 1, 10_000));
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
  const items = await deskList(db, where, { limit: DESK_PAGE_SIZE, offset: (page - 1) * DESK_PAGE_SIZE });
  const more = Number(counted) > DESK_COUNTED;
  const total = Math.min(Number(counted), DESK_COUNTED);
  // Past the counted pages: this one at least, and a next one after a full page.
  const reached = more && items.length > 0 ? (items.length === DESK_PAGE_SIZE ? page + 1 : page) : 0;
  const pages = Math.max(1, Math.ceil(total / DESK_PAGE_SIZE), reached);
  return { items, total, more, page, pages };
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
