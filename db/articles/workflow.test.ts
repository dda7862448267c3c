import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { toNewsroomWallClock } from "@/lib/dates";
import { doc, engine, inRollback, newsroom } from "../testing";
import { listGonePaths } from "../publications/gone";
import { getVisibleArticle, listLatest } from "../publications/queries";
import { articles, notifications, publications } from "../schema";
import { countUnread } from "../notifications/queries";
import { createArticle } from "./create";
import { addArticleNote, listArticleNotes } from "./notes";
import { publishArticle } from "./publish";
import { getArticleForEdit, getDeskOverview, searchDeskArticles } from "./queries";
import { requestChanges } from "./request-changes";
import { cancelSchedule } from "./cancel-schedule";
import { scheduleArticle } from "./schedule";
import { submitArticle } from "./submit";
import { unpublishArticle } from "./unpublish";

const inMinutes = (m: number) => toNewsroomWallClock(new Date(Date.now() + m * 60_000));

describe(`editorial workflow on ${engine}`, () => {
  const draft = (sectionId: number, headline = "Fähre fährt wieder") => ({ headline, standfirst: "Vorspann.", sectionId, language: "de" as const, body: doc("Text.") });

  it("schedules for later: invisible until due, on the desk as scheduled, cancellable before it appears", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draft(n.sections.politik.id) });
      const s = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: a.version } });
      const scheduled = await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: s.version, at: inMinutes(60) } });
      expect(scheduled.status).toBe("scheduled");
      const section = (await tx.select().from(publications).where(eq(publications.articleId, a.id)))[0];
      expect(await getVisibleArticle(section.sectionSlug, section.slug, { tx })).toBeNull();
      expect((await listLatest({ sectionSlug: section.sectionSlug }, { tx })).map((x) => x.id)).not.toContain(a.id);
      expect((await getArticleForEdit(a.id, { tx }))?.scheduledFor).toBe(scheduled.scheduledFor);
      expect((await getDeskOverview(n.editor, { tx })).scheduled.map((x) => x.id)).toContain(a.id);
      // The authors hear of it.
      expect(await countUnread(n.journalist.id, { tx })).toBeGreaterThan(0);

      const cancelled = await cancelSchedule({ ctx: n.ctx(n.editor), input: { id: a.id, version: scheduled.version } });
      expect(cancelled.status).toBe("in_review");
      expect(await tx.select().from(publications).where(eq(publications.articleId, a.id))).toHaveLength(0);
    }));

  it("a schedule whose time has come is published for readers and desk alike, and can no longer be cancelled", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.editor), input: draft(n.sections.politik.id) });
      const scheduled = await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version, at: inMinutes(5) } });
      // Time passes (the clock is the database's: move the schedule into the past).
      await tx.update(publications).set({ visibleFrom: new Date(Date.now() - 60_000), publishedAt: new Date(Date.now() - 60_000) }).where(eq(publications.articleId, a.id));
      const live = (await tx.select().from(publications).where(eq(publications.articleId, a.id)))[0];
      expect(await getVisibleArticle(live.sectionSlug, live.slug, { tx })).not.toBeNull();
      expect((await getArticleForEdit(a.id, { tx }))?.status).toBe("published");
      expect((await searchDeskArticles({ status: "published" }, { tx })).items.map((x) => x.id)).toContain(a.id);
      const error = await cancelSchedule({ ctx: n.ctx(n.editor), input: { id: a.id, version: scheduled.version } }).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((await tx.select().from(publications).where(eq(publications.articleId, a.id)))).toHaveLength(1);
    }));

  it("refuses a time in the past or malformed, and journalists may not schedule", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draft(n.sections.politik.id) });
      const fields = async (at: string) => ((await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version, at } }).catch((e) => e)) as Invalid).fieldErrors;
      expect(await fields(inMinutes(-5))).toEqual({ at: ["validation.scheduleInPast"] });
      expect(await fields("morgen früh")).toEqual({ at: ["validation.scheduleInvalid"] });
      await expect(scheduleArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: a.version, at: inMinutes(30) } })).rejects.toBeInstanceOf(Forbidden);
      expect(await tx.select().from(publications).where(eq(publications.articleId, a.id))).toHaveLength(0);
    }));

  it("an update with a correction note shows it to readers; unpublish takes the article off and marks its address gone", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.editor), input: draft(n.sections.politik.id) });
      const first = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
      // A note on a first publication makes no sense.
      const early = await createArticle({ ctx: n.ctx(n.editor), input: draft(n.sections.kultur.id, "Anderes") });
      expect(((await publishArticle({ ctx: n.ctx(n.editor), input: { id: early.id, version: early.version, correctionText: "x" } }).catch((e) => e)) as Invalid).fieldErrors).toEqual({ correctionText: ["validation.correctionOnlyUpdates"] });

      const update = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: first.version, correctionKind: "correction", correctionText: "In einer früheren Fassung stand ein falsches Datum." } });
      const [live] = await tx.select().from(publications).where(eq(publications.articleId, a.id));
      expect(live.corrections).toMatchObject([{ kind: "correction", text: "In einer früheren Fassung stand ein falsches Datum." }]);
      const path = `/${live.sectionSlug}/${live.slug}`;

      const off = await unpublishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: update.version, note: "Rechtliche Prüfung" } });
      expect(off.status).toBe("unpublished");
      expect(await getVisibleArticle(live.sectionSlug, live.slug, { tx })).toBeNull();
      expect(await listGonePaths({ tx })).toContain(path);
      // Published again: no longer gone.
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: off.version } });
      expect(await listGonePaths({ tx })).not.toContain(path);
      expect((await tx.select().from(articles).where(eq(articles.id, a.id)))[0].status).toBe("published");
    }));

  it("notifies editors of a submission and authors of a send-back, whose note lands in the internal thread", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draft(n.sections.politik.id) });
      const before = await countUnread(n.editor.id, { tx });
      const s = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: a.version } });
      expect(await countUnread(n.editor.id, { tx })).toBe(before + 1);
      expect(await countUnread(n.journalist.id, { tx })).toBe(0); // not about their own step
      await requestChanges({ ctx: n.ctx(n.editor), input: { id: a.id, version: s.version, note: "Bitte die Zahlen prüfen." } });
      const mine = await tx.select().from(notifications).where(eq(notifications.userId, n.journalist.id));
      expect(mine).toMatchObject([{ kind: "changes_requested", note: "Bitte die Zahlen prüfen." }]);
      await addArticleNote({ ctx: n.ctx(n.journalist), input: { articleId: a.id, body: "Erledigt, Quelle ergänzt." } });
      expect((await listArticleNotes(a.id, { tx })).map((x) => x.body)).toEqual(["Bitte die Zahlen prüfen.", "Erledigt, Quelle ergänzt."]);
      await expect(addArticleNote({ ctx: n.ctx(null), input: { articleId: a.id, body: "anonym" } })).rejects.toBeInstanceOf(Forbidden);
      expect(((await addArticleNote({ ctx: n.ctx(n.editor), input: { articleId: a.id, body: "  " } }).catch((e) => e)) as Invalid).fieldErrors).toEqual({ body: ["validation.noteRequired"] });
    }));
});
