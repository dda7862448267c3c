import { and, asc, count, eq, sql } from "drizzle-orm";
import { describe, expect, expectTypeOf, it } from "vitest";
import { readerTags } from "@/lib/cache/tags";
import { toNewsroomWallClock } from "@/lib/dates";
import type { ReaderArticle } from "@/lib/reader/types";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { scheduleArticle } from "../articles/schedule";
import { submitArticle } from "../articles/submit";
import { unpublishArticle } from "../articles/unpublish";
import type { Db } from "../client";
import { READER_COMMENT_LIMIT } from "../comments/queries";
import { setCommentsOpen } from "../comments/set-open";
import { commentPageTags } from "../reader-cache";
import { articles, comments, publications } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { readViewCount, recordViews } from "../views/record";
import { getArticlePage, getVisibleArticle } from "./queries";

type Newsroom = Awaited<ReturnType<typeof newsroom>> & { tx: Db };

async function draft(n: Newsroom, headline: string) {
  return createArticle({ ctx: n.ctx(n.journalist), input: { headline, standfirst: "Vorspann", sectionId: n.sections.politik.id, language: "de", body: doc("Erster Absatz.", "Zweiter Absatz.") } });
}

async function published(n: Newsroom, headline: string) {
  const a = await draft(n, headline);
  const p = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
  const [row] = await n.tx.select({ sectionSlug: publications.sectionSlug, slug: publications.slug }).from(publications).where(eq(publications.articleId, a.id));
  return { ...a, version: p.version, ...row };
}

/** Comments straight into the table, with the times given (microseconds included). */
async function addComments(tx: Db, articleId: number, list: { status: "approved" | "pending" | "rejected" | "spam"; body: string; at: string }[]) {
  await tx.insert(comments).values(list.map((c, i) => ({ articleId, authorName: `Leserin ${i}`, body: c.body, status: c.status, createdAt: sql`${c.at}::timestamptz` })));
}

/** What the page showed when it read the pieces one statement at a time (the queries it used to send). */
async function piecewise(tx: Db, sectionSlug: string, slug: string) {
  const full = await getVisibleArticle(sectionSlug, slug, { tx });
  if (!full) return null;
  const { bodyText, ...article } = full;
  void bodyText;
  const approved = and(eq(comments.articleId, article.articleId), eq(comments.status, "approved"));
  const rows = await tx
    .select({ id: comments.id, authorName: comments.authorName, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .where(approved)
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(READER_COMMENT_LIMIT);
  const [{ total }] = await tx.select({ total: count() }).from(comments).where(approved);
  const [{ open }] = await tx.select({ open: articles.commentsOpen }).from(articles).where(eq(articles.id, article.articleId));
  return {
    article,
    commentsOpen: open,
    views: await readViewCount(article.articleId, { tx }),
    comments: { count: Number(total), items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) },
  };
}

describe(`the article page's one read on ${engine}`, () => {
  it("answers what the publication, comment and view queries answer, without the plain text", () =>
    inRollback(async (tx) => {
      const n = { ...(await newsroom(tx)), tx };
      const a = await published(n, "Hafen öffnet wieder");
      await addComments(tx, a.id, [
        { status: "approved", body: "Später geschrieben.", at: "2026-03-02T10:00:00.987654Z" },
        { status: "approved", body: "Zuerst geschrieben.\n\nMit zwei Absätzen.", at: "2026-03-01T09:30:15.123456Z" },
        { status: "pending", body: "Noch nicht freigegeben.", at: "2026-03-01T08:00:00Z" },
        { status: "spam", body: "Werbung.", at: "2026-03-01T08:00:01Z" },
        { status: "approved", body: "Zur selben Zeit, später angelegt.", at: "2026-03-02T10:00:00.987654Z" },
      ]);
      await recordViews(new Map([[a.id, 7]]), { tx });

      const page = await getArticlePage(a.sectionSlug, a.slug, { tx });
      expect(page).toEqual(await piecewise(tx, a.sectionSlug, a.slug));
      expect(page!.article).not.toHaveProperty("bodyText");
      // ReaderArticle is written out in lib/reader/types.ts: a column added to publications fails
      // here (at compile time) until the type names it, or the read and this list leave it out.
      expectTypeOf<keyof ReaderArticle>().toEqualTypeOf<Exclude<keyof typeof publications.$inferSelect, "bodyText" | "visibleFrom" | "search">>();
      expect(page!.article.bodyHtml).toContain("Zweiter Absatz.");
      expect(page!.views).toBe(7);
      expect(page!.commentsOpen).toBe(true);
      expect(page!.comments.count).toBe(3);
      expect(page!.comments.items.map((c) => [c.body, c.createdAt])).toEqual([
        ["Zuerst geschrieben.\n\nMit zwei Absätzen.", "2026-03-01T09:30:15.123Z"],
        ["Später geschrieben.", "2026-03-02T10:00:00.987Z"],
        ["Zur selben Zeit, später angelegt.", "2026-03-02T10:00:00.987Z"],
      ]);

      await setCommentsOpen({ ctx: n.ctx(n.editor), input: { articleId: a.id, open: false } });
      expect(await getArticlePage(a.sectionSlug, a.slug, { tx })).toMatchObject({ commentsOpen: false, comments: { count: 3 } });
    }));

  it("shows no views and no comments as zero and empty", () =>
    inRollback(async (tx) => {
      const n = { ...(await newsroom(tx)), tx };
      const a = await published(n, "Ruhiger Tag");
      const page = await getArticlePage(a.sectionSlug, a.slug, { tx });
      expect(page).toMatchObject({ views: 0, comments: { count: 0, items: [] } });
      expect(page).toEqual(await piecewise(tx, a.sectionSlug, a.slug));
    }));

  it(`lists the oldest ${READER_COMMENT_LIMIT} approved comments and counts them all`, () =>
    inRollback(async (tx) => {
      const n = { ...(await newsroom(tx)), tx };
      const a = await published(n, "Viel diskutiert");
      const start = Date.parse("2026-01-01T00:00:00Z");
      await addComments(
        tx,
        a.id,
        Array.from({ length: READER_COMMENT_LIMIT + 3 }, (_, i) => ({ status: "approved" as const, body: `Nummer ${i}`, at: new Date(start + i * 1000).toISOString() })),
      );
      const page = await getArticlePage(a.sectionSlug, a.slug, { tx });
      expect(page!.comments.count).toBe(READER_COMMENT_LIMIT + 3);
      expect(page!.comments.items).toHaveLength(READER_COMMENT_LIMIT);
      expect(page!.comments.items.at(-1)!.body).toBe(`Nummer ${READER_COMMENT_LIMIT - 1}`);
      expect(page).toEqual(await piecewise(tx, a.sectionSlug, a.slug));
    }));

  it("finds nothing for an unknown, scheduled or unpublished article, or an address that cannot be a slug", () =>
    inRollback(async (tx) => {
      const n = { ...(await newsroom(tx)), tx };
      const gone = await published(n, "Zurückgezogen");
      await unpublishArticle({ ctx: n.ctx(n.editor), input: { id: gone.id, version: gone.version, note: "Rechtliche Prüfung" } });
      const later = await draft(n, "Erscheint später");
      const submitted = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: later.id, version: later.version } });
      await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: later.id, version: submitted.version, at: toNewsroomWallClock(new Date(Date.now() + 3_600_000)) } });
      const [scheduled] = await tx.select({ sectionSlug: publications.sectionSlug, slug: publications.slug }).from(publications).where(eq(publications.articleId, later.id));

      expect(await getArticlePage(gone.sectionSlug, gone.slug, { tx })).toBeNull();
      expect(await getArticlePage(scheduled.sectionSlug, scheduled.slug, { tx })).toBeNull();
      expect(await getArticlePage(gone.sectionSlug, "gibt-es-nicht", { tx })).toBeNull();
      expect(await getArticlePage(gone.sectionSlug, "a%00b", { tx })).toBeNull();
    }));

  it("names the page a moderation or closing of comments expires: the article's own, while it is published", () =>
    inRollback(async (tx) => {
      const n = { ...(await newsroom(tx)), tx };
      const a = await published(n, "Mit Kommentaren");
      const b = await published(n, "Auch mit Kommentaren");
      const unpublishedDraft = await draft(n, "Entwurf");
      expect(await commentPageTags(tx, [a.id, b.id, a.id, unpublishedDraft.id])).toEqual(
        expect.arrayContaining([readerTags.article(a.sectionSlug, a.slug), readerTags.article(b.sectionSlug, b.slug)]),
      );
      expect(await commentPageTags(tx, [a.id, b.id, a.id, unpublishedDraft.id])).toHaveLength(2);
      expect(await commentPageTags(tx, [unpublishedDraft.id])).toEqual([]);
      expect(await commentPageTags(tx, [])).toEqual([]);
    }));
});
