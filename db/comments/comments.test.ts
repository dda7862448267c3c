import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { COMMENT_CLIENT_WINDOW, commentParagraphs, hashClientAddress } from "@/lib/comments";
import type { Db } from "../client";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { createSection } from "../sections/create";
import { SYSTEM_VIEWER } from "../context";
import { comments, publications, rateLimits } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { moderateComments } from "./moderate";
import { CommentRateLimited, postComment } from "./post";
import { getArticlePage } from "../publications/queries";
import { countCommentsByStatus, getCommentQueueArticle, listCommentArticles, listModerationQueue } from "./queries";
import { setCommentsOpen } from "./set-open";

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

async function article(n: Newsroom, { publish = true, headline = "Hafen öffnet wieder" } = {}) {
  const a = await createArticle({
    ctx: n.ctx(n.journalist),
    input: { headline, standfirst: "", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") },
  });
  if (publish) await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
  return a.id;
}

let client = 0;
/** A fresh poster each time, so tests don't run into the rate limit unless they mean to. */
const post = (n: Newsroom, articleId: number, fields: Partial<{ name: string; text: string; website: string; clientHash: string }> = {}) =>
  postComment({
    ctx: n.ctx(null),
    input: { articleId, name: "Erika Mustermann", text: "Gute Nachricht für den Hafen.", clientHash: hashClientAddress(`203.0.113.${++client}`, "test-secret"), ...fields },
  });

/** The comments a reader's article page shows, read as the page reads them. */
async function listApprovedComments(articleId: number, { tx }: { tx: Db }) {
  const [p] = await tx.select({ sectionSlug: publications.sectionSlug, slug: publications.slug }).from(publications).where(eq(publications.articleId, articleId));
  return (await getArticlePage(p.sectionSlug, p.slug, { tx }))!.comments;
}

const allComments = (tx: Db) => tx.select().from(comments).orderBy(comments.id);

describe(`reader comments on ${engine}`, () => {
  it("goes pending → approved → listed, oldest first, with the count", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      expect(await post(n, id, { name: "  Erika  Mustermann ", text: "  Erster Kommentar.\r\n\r\nZweiter Absatz.  " })).toEqual({ status: "pending" });
      await post(n, id, { name: "Max", text: "Zweiter Kommentar." });
      expect(await listApprovedComments(id, { tx })).toEqual({ count: 0, items: [] });

      const queue = await listModerationQueue({ status: "pending" }, { tx });
      expect(queue.items.map((c) => c.authorName)).toEqual(["Erika Mustermann", "Max"]);
      expect(queue.items[0]).toMatchObject({ headline: "Hafen öffnet wieder", body: "Erster Kommentar.\n\nZweiter Absatz.", href: expect.stringMatching(/\/hafen-oeffnet-wieder$/) });

      // Approved in the reverse order: the reader still sees them oldest first.
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [queue.items[1].id], action: "approve" } });
      await moderateComments({ ctx: n.ctx(n.admin), input: { ids: [queue.items[0].id], action: "approve" } });
      const listed = await listApprovedComments(id, { tx });
      expect(listed.count).toBe(2);
      expect(listed.items.map((c) => c.authorName)).toEqual(["Erika Mustermann", "Max"]);
      const [stored] = await tx.select().from(comments).where(eq(comments.id, queue.items[0].id));
      expect(stored).toMatchObject({ status: "approved", moderatedById: n.admin.id });
      expect(stored.moderatedAt).toBeInstanceOf(Date);
      expect(stored.clientHash).not.toContain("203.0.113");
    }));

  it("never lists rejected or spam comments, and counts every status", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      for (const text of ["eins", "zwei", "drei", "vier"]) await post(n, id, { text });
      const ids = (await allComments(tx)).map((c) => c.id);
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [ids[0]], action: "approve" } });
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [ids[1]], action: "reject" } });
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [ids[2]], action: "spam" } });
      expect((await listApprovedComments(id, { tx })).items.map((c) => c.body)).toEqual(["eins"]);
      expect(await countCommentsByStatus({}, { tx })).toEqual({ pending: 1, approved: 1, rejected: 1, spam: 1 });
      expect((await listModerationQueue({ status: "rejected" }, { tx })).items.map((c) => c.body)).toEqual(["zwei"]);
      expect((await listModerationQueue({ status: "spam" }, { tx })).items[0]).toMatchObject({ body: "drei", moderatedBy: n.editor.name });
      // Taken down after approval: gone from the page.
      await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [ids[0]], action: "reject" } });
      expect(await listApprovedComments(id, { tx })).toEqual({ count: 0, items: [] });
    }));

  it("moderates several comments in one bulk action, skipping duplicates and vanished ids", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const first = await article(n);
      const second = await article(n, { headline: "Zweiter Artikel" });
      await post(n, first, { text: "a" });
      await post(n, second, { text: "b" });
      await post(n, second, { text: "c" });
      const ids = (await allComments(tx)).map((c) => c.id);
      const result = await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [ids[0], ids[1], ids[1], 999999], action: "approve" } });
      expect(result).toEqual({ count: 2, status: "approved" });
      expect((await allComments(tx)).map((c) => c.status)).toEqual(["approved", "approved", "pending"]);
      expect((await listApprovedComments(second, { tx })).count).toBe(1);
      const articlesList = await listCommentArticles({}, { tx });
      expect(articlesList.find((a) => a.articleId === second)).toMatchObject({ pending: 1, approved: 1, commentsOpen: true });
      // The queue narrowed to one article: its counts, its comments, its headline.
      expect(await countCommentsByStatus({ articleId: second }, { tx })).toEqual({ pending: 1, approved: 1, rejected: 0, spam: 0 });
      expect(await countCommentsByStatus({ articleId: first }, { tx })).toEqual({ pending: 0, approved: 1, rejected: 0, spam: 0 });
      expect((await listModerationQueue({ status: "pending", articleId: second }, { tx })).items.map((c) => c.body)).toEqual(["c"]);
      expect(await listModerationQueue({ status: "pending", articleId: first }, { tx })).toMatchObject({ total: 0, items: [] });
      expect(await getCommentQueueArticle(second, { tx })).toEqual({ articleId: second, headline: "Zweiter Artikel" });
      expect(await getCommentQueueArticle(999999, { tx })).toBeNull();
    }));

  it("refuses moderation to journalists and anonymous visitors, writing nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      await post(n, id);
      const [c] = await allComments(tx);
      for (const viewer of [n.journalist, null]) {
        await expect(moderateComments({ ctx: n.ctx(viewer), input: { ids: [c.id], action: "approve" } })).rejects.toBeInstanceOf(Forbidden);
        await expect(setCommentsOpen({ ctx: n.ctx(viewer), input: { articleId: id, open: false } })).rejects.toBeInstanceOf(Forbidden);
      }
      const [after] = await allComments(tx);
      expect(after).toMatchObject({ status: "pending", moderatedById: null, moderatedAt: null });
      expect((await listCommentArticles({}, { tx })).find((a) => a.articleId === id)?.commentsOpen).toBe(true);
      const none = await moderateComments({ ctx: n.ctx(n.editor), input: { ids: [], action: "approve" } }).catch((e) => e);
      expect((none as Invalid).fieldErrors.ids).toEqual(["validation.commentsNoneSelected"]);
    }));

  it("refuses comments on a closed article, and takes them again once reopened", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      expect(await setCommentsOpen({ ctx: n.ctx(n.editor), input: { articleId: id, open: "false" } })).toEqual({ articleId: id, open: false });
      const error = await post(n, id).catch((e) => e);
      expect(error).toBeInstanceOf(Forbidden);
      expect(error.message).toBe("errors.commentsClosed");
      expect(await allComments(tx)).toHaveLength(0);
      await setCommentsOpen({ ctx: n.ctx(n.editor), input: { articleId: id, open: true } });
      await post(n, id);
      expect(await allComments(tx)).toHaveLength(1);
      await expect(setCommentsOpen({ ctx: n.ctx(n.editor), input: { articleId: 999999, open: true } })).rejects.toBeInstanceOf(NotFound);
    }));

  it("refuses comments on articles readers can't see: drafts, scheduled ones not yet due, unknown ids", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const draft = await article(n, { publish: false });
      const embargoed = await article(n, { headline: "Noch unter Sperrfrist" });
      await tx.update(publications).set({ visibleFrom: sql`now() + interval '1 day'` }).where(eq(publications.articleId, embargoed));
      for (const articleId of [draft, embargoed, 999999]) {
        await expect(post(n, articleId)).rejects.toBeInstanceOf(NotFound);
      }
      expect(await allComments(tx)).toHaveLength(0);
    }));

  it("validates name and text, trimmed, with a message for each field", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      const empty = await post(n, id, { name: "   ", text: " \n\t " }).catch((e) => e);
      expect(empty).toBeInstanceOf(Invalid);
      expect((empty as Invalid).fieldErrors).toEqual({ name: ["validation.commentNameRequired"], text: ["validation.commentTextRequired"] });
      const long = await post(n, id, { name: "x".repeat(81), text: "y".repeat(5001) }).catch((e) => e);
      expect((long as Invalid).fieldErrors).toEqual({ name: ["validation.commentNameTooLong"], text: ["validation.commentTextTooLong"] });
      // The limits themselves are fine; markup is stored as typed (it is escaped when shown).
      await post(n, id, { name: "x".repeat(80), text: `<b>fett</b>\u0000 ${"y".repeat(4980)}` });
      const [stored] = await allComments(tx);
      expect(stored.body.startsWith("<b>fett</b> y")).toBe(true);
    }));

  it("accepts a filled honeypot with the usual answer but stores nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      expect(await post(n, id, { website: "https://spam.example" })).toEqual({ status: "pending" });
      expect(await allComments(tx)).toHaveLength(0);
      expect(await tx.select().from(rateLimits)).toHaveLength(0);
    }));

  it("limits one poster to 5 comments in 10 minutes, across articles, without blocking others", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const first = await article(n);
      const second = await article(n, { headline: "Anderer Artikel" });
      const clientHash = hashClientAddress("198.51.100.7", "test-secret");
      for (let i = 0; i < COMMENT_CLIENT_WINDOW.limit; i++) await post(n, i % 2 ? first : second, { clientHash, text: `Nummer ${i}` });
      const limited = await post(n, first, { clientHash }).catch((e) => e);
      expect(limited).toBeInstanceOf(CommentRateLimited);
      expect(limited.params).toEqual({ minutes: 10 });
      expect(await allComments(tx)).toHaveLength(COMMENT_CLIENT_WINDOW.limit);
      await post(n, first, { text: "Jemand anderes" });
      expect(await allComments(tx)).toHaveLength(COMMENT_CLIENT_WINDOW.limit + 1);
      // Once the window has passed, the poster may write again.
      await tx.update(rateLimits).set({ windowStart: sql`now() - interval '11 minutes'` });
      await post(n, first, { clientHash });
    }));

  it("limits one article to 30 comments in 10 minutes from all posters together", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await article(n);
      for (let i = 0; i < 30; i++) await post(n, id);
      await expect(post(n, id)).rejects.toBeInstanceOf(CommentRateLimited);
      await post(n, await article(n, { headline: "Ruhiger Artikel" }));
    }));

  it("keeps the new addresses off section names", () =>
    inRollback(async (tx) => {
      for (const name of ["Community Standards", "Comments"]) {
        const error = await createSection({ ctx: { viewer: SYSTEM_VIEWER, tx }, input: { name } }).catch((e) => e);
        expect((error as Invalid).fieldErrors.name).toEqual(["validation.sectionNameReserved"]);
      }
    }));
});

describe("comment text", () => {
  it("becomes paragraphs at blank lines and keeps single line breaks", () => {
    expect(commentParagraphs("Eins\nzwei\n\n\n  \nDrei  \n")).toEqual([["Eins", "zwei"], ["Drei"]]);
  });
  it("hashes addresses one way, keyed by the secret", () => {
    const a = hashClientAddress("203.0.113.9", "s1");
    expect(a).not.toContain("203");
    expect(a).toBe(hashClientAddress("203.0.113.9", "s1"));
    expect(a).not.toBe(hashClientAddress("203.0.113.9", "s2"));
  });
});
