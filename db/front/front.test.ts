import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid, NotFound } from "@/lib/errors";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { scheduleArticle } from "../articles/schedule";
import { unpublishArticle } from "../articles/unpublish";
import { listArticleEvents } from "../articles/queries";
import type { Db } from "../client";
import { frontSlots, publications } from "../schema";
import { doc, engine, inRollback, newsroom, testDb } from "../testing";
import { toNewsroomWallClock } from "@/lib/dates";
import { clearSlot } from "./clear";
import { placeArticle } from "./place";
import { getFront } from "./queries";

beforeAll(() => testDb().then(() => undefined));

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

/** Publishes articles in order, each an hour newer than the one before (the last is the newest). */
async function publishSeries(tx: Db, n: Newsroom, section: "politik" | "kultur", headlines: string[]) {
  const out: { id: number; version: number; headline: string; slug: string }[] = [];
  for (const [i, headline] of headlines.entries()) {
    const a = await createArticle({ ctx: n.ctx(n.journalist), input: { headline, standfirst: "Vorspann.", sectionId: n.sections[section].id, language: "de", body: doc("Text.") } });
    const p = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
    await tx.update(publications).set({ publishedAt: sql`now() - make_interval(hours => ${headlines.length - i})` }).where(eq(publications.articleId, a.id));
    out.push({ id: a.id, version: p.version, headline, slug: a.slug });
  }
  return out;
}

const headlines = (front: Awaited<ReturnType<typeof getFront>>, kind?: "lead" | "secondary" | "block") =>
  front!.slots.filter((s) => !kind || s.kind === kind).map((s) => s.item?.headline ?? null);

describe(`front pages on ${engine}`, () => {
  it("without an arrangement a section front is the news, newest first; a placed article leads and the rest move down", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const front = `/${n.sections.politik.slug}`;
      const [alt, mittel, neu] = await publishSeries(tx, n, "politik", ["Älteste Meldung", "Mittlere Meldung", "Neueste Meldung"]);
      expect(headlines(await getFront(front, { tx }))).toEqual([neu.headline, mittel.headline, alt.headline, null, null]);

      // The editor names it by its address, as copied from the site.
      await placeArticle({ ctx: n.ctx(n.editor), input: { front, slot: "lead", article: `https://news.example.org${front}/${alt.slug}` } });
      const arranged = await getFront(front, { tx });
      expect(headlines(arranged)).toEqual([alt.headline, neu.headline, mittel.headline, null, null]);
      expect(arranged!.slots.map((s) => s.placed)).toEqual([true, false, false, false, false]);
      const [row] = await tx.select().from(frontSlots).where(eq(frontSlots.front, front));
      expect(row).toMatchObject({ slot: "lead", articleId: alt.id, placedById: n.editor.id });
    }));

  it("home page: the lead from any section, each section's block from its own newest; a block refuses another section's article", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [k1, k2] = await publishSeries(tx, n, "kultur", ["Theater eröffnet", "Oper schließt"]);
      const [p1] = await publishSeries(tx, n, "politik", ["Rat tagt"]);
      await placeArticle({ ctx: n.ctx(n.editor), input: { front: "/", slot: "lead", article: String(k1.id) } });
      const home = await getFront("/", { tx });
      expect(home!.slots[0]).toMatchObject({ slot: "lead", placed: true, item: { id: k1.id, sectionSlug: n.sections.kultur.slug } });
      // The lead is not repeated lower down; the other articles fill the secondary row or
      // their section's block (other tests' committed articles may be newer on PostgreSQL).
      expect(home!.slots.filter((s) => s.item?.id === k1.id)).toHaveLength(1);
      for (const id of [k2.id, p1.id]) expect(home!.slots.filter((s) => s.item?.id === id && s.kind !== "lead")).toHaveLength(1);
      for (const s of home!.slots.filter((s) => s.kind === "block" && s.item)) expect(s.item!.sectionSlug).toBe(s.section);
      expect(home!.slots.filter((s) => s.section === n.sections.kultur.slug)).toHaveLength(3);

      const wrong = await placeArticle({ ctx: n.ctx(n.editor), input: { front: "/", slot: `block-${n.sections.politik.slug}-1`, article: k2.id } }).catch((e) => e);
      expect((wrong as Invalid).fieldErrors).toEqual({ article: ["validation.frontArticleWrongSection"] });
    }));

  it("placing an article again moves it; releasing a slot gives it back to the newest; history says who did what", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const front = `/${n.sections.kultur.slug}`;
      const [a, b] = await publishSeries(tx, n, "kultur", ["Erstes Stück", "Zweites Stück"]);
      await placeArticle({ ctx: n.ctx(n.editor), input: { front, slot: "lead", article: a.id } });
      await placeArticle({ ctx: n.ctx(n.admin), input: { front, slot: "second-2", article: `/a/${a.id}` } });
      expect(headlines(await getFront(front, { tx }))).toEqual([b.headline, null, a.headline, null, null]);
      expect(await tx.select({ slot: frontSlots.slot }).from(frontSlots).where(eq(frontSlots.front, front))).toEqual([{ slot: "second-2" }]);

      expect(await clearSlot({ ctx: n.ctx(n.editor), input: { front, slot: "second-2" } })).toMatchObject({ cleared: true });
      expect(headlines(await getFront(front, { tx }))).toEqual([b.headline, a.headline, null, null, null]);

      const events = (await listArticleEvents(a.id, { tx })).filter((e) => e.action.startsWith("front."));
      expect(events.map((e) => [e.action, e.note, e.actor])).toEqual([
        ["front.remove", `${front}#second-2`, n.editor.name],
        ["front.place", `${front}#second-2`, n.admin.name],
        ["front.remove", `${front}#lead`, n.admin.name],
        ["front.place", `${front}#lead`, n.editor.name],
      ]);
    }));

  it("an unpublished article leaves its slots: the newest takes the lead again", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const front = `/${n.sections.politik.slug}`;
      const [old, newest] = await publishSeries(tx, n, "politik", ["Alte Geschichte", "Neue Geschichte"]);
      await placeArticle({ ctx: n.ctx(n.editor), input: { front, slot: "lead", article: old.id } });
      await placeArticle({ ctx: n.ctx(n.editor), input: { front: "/", slot: "second-1", article: old.id } });
      await unpublishArticle({ ctx: n.ctx(n.editor), input: { id: old.id, version: old.version } });
      expect(headlines(await getFront(front, { tx }))).toEqual([newest.headline, null, null, null, null]);
      expect(await tx.select().from(frontSlots).where(eq(frontSlots.articleId, old.id))).toEqual([]);
      const released = (await listArticleEvents(old.id, { tx })).filter((e) => e.action === "front.remove").map((e) => e.note);
      expect(released.sort()).toEqual([`/#second-1`, `${front}#lead`].sort());
    }));

  it("refuses what readers cannot see, unknown references, slots and sections — with a message for the field", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const front = `/${n.sections.politik.slug}`;
      const e = n.ctx(n.editor);
      const draft = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Entwurf", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
      const planned = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "Geplant", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
      await scheduleArticle({ ctx: e, input: { id: planned.id, version: planned.version, at: toNewsroomWallClock(new Date(Date.now() + 3_600_000)) } });
      const fail = (input: Parameters<typeof placeArticle>[0]["input"]) => placeArticle({ ctx: e, input }).catch((x) => x);
      expect((await fail({ front, slot: "lead", article: draft.id })).fieldErrors).toEqual({ article: ["validation.frontArticleNotLive"] });
      expect((await fail({ front, slot: "lead", article: planned.id })).fieldErrors).toEqual({ article: ["validation.frontArticleNotLive"] });
      expect((await fail({ front, slot: "lead", article: "irgendwas Schönes" })).fieldErrors).toEqual({ article: ["validation.frontArticleUnknown"] });
      expect((await fail({ front, slot: "lead", article: "  " })).fieldErrors).toEqual({ article: ["validation.frontArticleRequired"] });
      expect((await fail({ front, slot: "lead-ä", article: 1 })).fieldErrors).toEqual({ slot: ["validation.invalidValue"] });
      expect((await fail({ front, slot: "block-x-1", article: 1 })).fieldErrors).toEqual({ slot: ["validation.invalidValue"] });
      expect(await fail({ front: "/gibt-es-nicht", slot: "lead", article: 1 })).toBeInstanceOf(NotFound);
      expect(await getFront("/gibt-es-nicht", { tx })).toBeNull();
      expect(await tx.select().from(frontSlots).where(eq(frontSlots.front, front))).toEqual([]);
    }));

  it("refuses a journalist and an anonymous caller, and writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [a] = await publishSeries(tx, n, "politik", ["Meldung"]);
      const front = `/${n.sections.politik.slug}`;
      for (const viewer of [n.journalist, null]) {
        expect(await placeArticle({ ctx: n.ctx(viewer), input: { front, slot: "lead", article: a.id } }).catch((x) => x)).toBeInstanceOf(Forbidden);
        expect(await clearSlot({ ctx: n.ctx(viewer), input: { front, slot: "lead" } }).catch((x) => x)).toBeInstanceOf(Forbidden);
      }
      expect(await tx.select().from(frontSlots).where(eq(frontSlots.front, front))).toEqual([]);
    }));
});
