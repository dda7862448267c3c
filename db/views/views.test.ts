import { describe, expect, it, vi } from "vitest";
import { toNewsroomWallClock } from "@/lib/dates";
import type { Db } from "../client";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { scheduleArticle } from "../articles/schedule";
import { submitArticle } from "../articles/submit";
import { unpublishArticle } from "../articles/unpublish";
import { doc, engine, inRollback, newsroom } from "../testing";
import { createViewBatcher } from "./batcher";
import { readViewCount, recordViews } from "./record";

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

async function draft(n: Newsroom, headline: string) {
  return createArticle({ ctx: n.ctx(n.journalist), input: { headline, standfirst: "", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
}

async function published(n: Newsroom, headline: string) {
  const a = await draft(n, headline);
  const p = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
  return { ...a, version: p.version };
}

/** A batcher writing into the test transaction, remembering each write it made. */
function batcherIn(tx: Db, options: { intervalMs?: number; maxArticles?: number } = {}) {
  const writes: Map<number, number>[] = [];
  const batcher = createViewBatcher({
    ...options,
    write: async (batch) => {
      writes.push(new Map(batch));
      await recordViews(batch, { tx });
    },
  });
  return { batcher, writes };
}

describe(`page views on ${engine}`, () => {
  it("keeps views in memory and writes them as one batch that adds to the count", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await published(n, "Viel gelesen");
      const b = await published(n, "Auch gelesen");
      const { batcher, writes } = batcherIn(tx, { intervalMs: 60_000 });

      for (const id of [a.id, b.id, a.id, a.id, b.id]) batcher.add(id);
      expect(batcher.pending()).toBe(5);
      expect(await readViewCount(a.id, { tx })).toBe(0); // nothing written per view

      await batcher.flush();
      expect(writes).toEqual([new Map([[a.id, 3], [b.id, 2]])]);
      expect(await readViewCount(a.id, { tx })).toBe(3);
      expect(await readViewCount(b.id, { tx })).toBe(2);
      expect(batcher.pending()).toBe(0);

      batcher.add(a.id);
      await batcher.flush();
      await batcher.flush(); // nothing waiting: no write
      expect(writes).toHaveLength(2);
      expect(await readViewCount(a.id, { tx })).toBe(4);
    }));

  it("writes by itself after the interval, and at once when many articles wait", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await published(n, "Eins");
      const b = await published(n, "Zwei");

      const timed = batcherIn(tx, { intervalMs: 20 });
      timed.batcher.add(a.id);
      await vi.waitFor(async () => expect(await readViewCount(a.id, { tx })).toBe(1), { timeout: 30_000, interval: 50 });
      expect(timed.writes).toHaveLength(1);

      const full = batcherIn(tx, { intervalMs: 60_000, maxArticles: 2 });
      full.batcher.add(a.id);
      full.batcher.add(a.id);
      expect(full.writes).toHaveLength(0);
      full.batcher.add(b.id); // the second distinct article reaches the threshold
      await vi.waitFor(() => expect(full.writes).toEqual([new Map([[a.id, 2], [b.id, 1]])]), { timeout: 30_000, interval: 20 });
      await vi.waitFor(async () => expect(await readViewCount(b.id, { tx })).toBe(1), { timeout: 30_000, interval: 50 });
      expect(await readViewCount(a.id, { tx })).toBe(3);
    }));

  it("counts only articles readers can see now: unknown, draft, scheduled and unpublished ids are ignored", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const live = await published(n, "Sichtbar");
      const never = await draft(n, "Nie veröffentlicht");
      const later = await draft(n, "Erscheint später");
      const submitted = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: later.id, version: later.version } });
      await scheduleArticle({ ctx: n.ctx(n.editor), input: { id: later.id, version: submitted.version, at: toNewsroomWallClock(new Date(Date.now() + 3_600_000)) } });
      const gone = await published(n, "Zurückgezogen");
      await unpublishArticle({ ctx: n.ctx(n.editor), input: { id: gone.id, version: gone.version, note: "Rechtliche Prüfung" } });

      const { batcher } = batcherIn(tx);
      for (const id of [live.id, never.id, later.id, gone.id, 2147483000, live.id]) batcher.add(id);
      await batcher.flush();

      expect(await readViewCount(live.id, { tx })).toBe(2);
      for (const id of [never.id, later.id, gone.id, 2147483000]) expect(await readViewCount(id, { tx })).toBe(0);
      const rows = await tx.query.articleViews.findMany();
      expect(rows.map((r) => r.articleId)).toEqual([live.id]);
    }));
});
