// Live blogs: entries written by several reporters, published one by one by whoever may publish
// there, edited ("updated"), pinned, deleted with a reason — each change one audit row — and what
// readers' pages and their live poll read.
import { DOMParser } from "@xmldom/xmldom";
import { and, eq, sql } from "drizzle-orm";
import { feedDocument } from "@/lib/feeds/document";
import { listNewsSitemap } from "../publications/sitemap";
import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { auditEvents, publications } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import type { Db } from "../client";
import { createLiveEntry } from "./create-entry";
import { deleteLiveEntry } from "./delete-entry";
import { publishLiveEntry } from "./publish-entry";
import { getDeskLiveBlog, getLiveBlogPage, getLiveChanges, getLiveFeed, LIVE_PAGE_SIZE } from "./queries";
import { setLiveEntryFlags } from "./set-entry-flags";
import { setLiveBlog } from "./set-live";
import { setLivePublishers } from "./set-publishers";
import { updateLiveEntry } from "./update-entry";

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

async function liveBlog(n: Newsroom) {
  const a = await createArticle({
    ctx: n.ctx(n.journalist),
    input: { headline: "Liveticker: Sturmflut an der Küste", standfirst: "", sectionId: n.sections.politik.id, language: "de", body: doc("Alle Entwicklungen.") },
  });
  await setLiveBlog({ ctx: n.ctx(n.editor), input: { articleId: a.id, state: "live" } });
  await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
  return a.id;
}

const auditRows = (tx: Db, action: string) => tx.select().from(auditEvents).where(eq(auditEvents.action, action));

describe(`live blogs on ${engine}`, () => {
  it("two reporters write at once; the editor publishes; readers get newest first with pinned on top", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const first = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, title: "Deich bei Husum", body: doc("Der Deich hält.") } });
      const second = await createLiveEntry({ ctx: n.ctx(n.otherJournalist), input: { articleId: id, body: doc("Fähren fallen aus – „bis auf Weiteres“.") } });
      // Drafts are for the desk only.
      expect((await getLiveBlogPage(id, 1, { tx }))!.entries).toEqual([]);
      expect((await getDeskLiveBlog(id, { tx }))!.entries.map((e) => e.id).sort()).toEqual([first.id, second.id].sort());

      await publishLiveEntry({ ctx: n.ctx(n.editor), input: first });
      await publishLiveEntry({ ctx: n.ctx(n.editor), input: second });
      let page = (await getLiveBlogPage(id, 1, { tx }))!;
      expect(page.state).toBe("live");
      expect(page.entries.map((e) => e.id)).toEqual([second.id, first.id]);
      expect(page.entries[0].html).toBe("<p>Fähren fallen aus – „bis auf Weiteres“.</p>");
      expect(page.entries[1].authors.map((a) => a.name)).toEqual([n.journalist.name]);

      await setLiveEntryFlags({ ctx: n.ctx(n.editor), input: { id: first.id, pinned: true, keyEvent: true } });
      page = (await getLiveBlogPage(id, 1, { tx }))!;
      expect(page.pinned.map((e) => e.id)).toEqual([first.id]);
      expect(page.entries.map((e) => e.id)).toEqual([second.id]);
      expect(page.keyEvents).toEqual([expect.objectContaining({ id: first.id, title: "Deich bei Husum", page: 1 })]);
    }));

  it("only editors, or journalists an editor named for this live blog, publish; writers edit their own", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const entry = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Erste Meldung.") } });
      await expect(publishLiveEntry({ ctx: n.ctx(n.journalist), input: entry })).rejects.toThrow(Forbidden);
      await expect(updateLiveEntry({ ctx: n.ctx(n.otherJournalist), input: { ...entry, body: doc("Fremd.") } })).rejects.toThrow(Forbidden);
      await expect(setLivePublishers({ ctx: n.ctx(n.journalist), input: { articleId: id, userIds: [n.journalist.id] } })).rejects.toThrow(Forbidden);
      await expect(setLiveBlog({ ctx: n.ctx(n.journalist), input: { articleId: id, state: "ended" } })).rejects.toThrow(Forbidden);
      await expect(createLiveEntry({ ctx: n.ctx(null), input: { articleId: id, body: doc("x") } })).rejects.toThrow(Forbidden);

      await setLivePublishers({ ctx: n.ctx(n.editor), input: { articleId: id, userIds: [n.journalist.id] } });
      const published = await publishLiveEntry({ ctx: n.ctx(n.journalist), input: entry });
      expect(published.publishedAt).toBeInstanceOf(Date);
      // Being named for one live blog is no licence for another.
      const other = await liveBlog(n);
      const elsewhere = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: other, body: doc("Anderswo.") } });
      await expect(publishLiveEntry({ ctx: n.ctx(n.journalist), input: elsewhere })).rejects.toThrow("errors.livePublishNotAllowed");
      // Taking a published entry away is for whoever may publish there.
      await expect(deleteLiveEntry({ ctx: n.ctx(n.otherJournalist), input: { id: entry.id, reason: "Falsch" } })).rejects.toThrow(Forbidden);
    }));

  it("an edit after publication shows as updated, keeps the entry's time, and reaches the poll", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const entry = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Pegel bei 3,10 m.") } });
      const published = await publishLiveEntry({ ctx: n.ctx(n.editor), input: entry });
      const seen = (await getLiveBlogPage(id, 1, { tx }))!;
      expect(seen.entries[0].editedAt).toBeNull();

      await expect(updateLiveEntry({ ctx: n.ctx(n.journalist), input: { id: entry.id, version: entry.version, body: doc("alt") } })).rejects.toThrow(Conflict);
      await updateLiveEntry({ ctx: n.ctx(n.journalist), input: { id: entry.id, version: published.version, title: "Korrektur", body: doc("Pegel bei 3,30 m.") } });
      const changes = (await getLiveChanges(id, seen.revision, { tx }))!;
      expect(changes.revision).toBeGreaterThan(seen.revision);
      expect(changes.entries).toEqual([expect.objectContaining({ id: entry.id, title: "Korrektur", html: "<p>Pegel bei 3,30 m.</p>", editedAt: expect.any(String), publishedAt: seen.entries[0].publishedAt })]);
      // Up to date: nothing more.
      expect((await getLiveChanges(id, changes.revision, { tx }))!.entries).toEqual([]);
    }));

  it("a deletion needs a reason, is audited, and tells open pages to remove the entry", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const entry = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Gerücht.") } });
      const published = await publishLiveEntry({ ctx: n.ctx(n.editor), input: entry });
      const before = (await getLiveBlogPage(id, 1, { tx }))!.revision;
      await expect(deleteLiveEntry({ ctx: n.ctx(n.editor), input: { id: entry.id, reason: " " } })).rejects.toThrow(Invalid);
      await deleteLiveEntry({ ctx: n.ctx(n.editor), input: { id: entry.id, reason: "Nicht bestätigt" } });
      expect((await getLiveBlogPage(id, 1, { tx }))!.entries).toEqual([]);
      expect((await getLiveChanges(id, before, { tx }))!.removed).toEqual([entry.id]);
      const [row] = await tx.select().from(auditEvents).where(and(eq(auditEvents.action, "live_entry.delete"), eq(auditEvents.targetId, String(entry.id))));
      expect(row.summary).toMatchObject({ reason: "Nicht bestätigt", published: true });
      expect(published.version).toBe(2);
    }));

  it("writes exactly one audit row per change", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const e = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Eins.") } });
      const p = await publishLiveEntry({ ctx: n.ctx(n.editor), input: e });
      await updateLiveEntry({ ctx: n.ctx(n.editor), input: { id: e.id, version: p.version, body: doc("Eins, korrigiert.") } });
      await setLiveEntryFlags({ ctx: n.ctx(n.editor), input: { id: e.id, pinned: true } });
      await setLivePublishers({ ctx: n.ctx(n.editor), input: { articleId: id, userIds: [n.otherJournalist.id] } });
      await deleteLiveEntry({ ctx: n.ctx(n.editor), input: { id: e.id, reason: "Doppelt" } });
      await setLiveBlog({ ctx: n.ctx(n.editor), input: { articleId: id, state: "ended" } });
      for (const action of ["live_entry.create", "live_entry.publish", "live_entry.update", "live_entry.flags", "live_entry.delete", "live.publishers"]) {
        expect((await auditRows(tx, action)).length, action).toBe(1);
      }
      expect((await auditRows(tx, "live.set")).length).toBe(2); // started, ended
    }));

  it("ending the blog stops new entries and is what the poll reports; coverage has start and end", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const draft = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Zu spät.") } });
      const revision = (await getLiveBlogPage(id, 1, { tx }))!.revision;
      await setLiveBlog({ ctx: n.ctx(n.editor), input: { articleId: id, state: "ended" } });
      const changes = (await getLiveChanges(id, revision, { tx }))!;
      expect(changes.state).toBe("ended");
      expect(changes.startedAt && changes.endedAt && changes.startedAt <= changes.endedAt).toBeTruthy();
      await expect(publishLiveEntry({ ctx: n.ctx(n.editor), input: draft })).rejects.toMatchObject({ fieldErrors: { form: ["errors.liveEnded"] } });
      await expect(createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("x") } })).rejects.toThrow(Invalid);
    }));

  it("refuses bodies outside the article schema, unsafe links and empty entries", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      await expect(createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: { type: "doc", content: [{ type: "script" }] } } })).rejects.toThrow(Invalid);
      const link = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }] };
      await expect(createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: link } })).rejects.toThrow(Invalid);
      const empty = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: { type: "doc", content: [{ type: "paragraph" }] } } });
      await expect(publishLiveEntry({ ctx: n.ctx(n.editor), input: empty })).rejects.toThrow(Invalid);
    }));

  it("pages older entries at stable page numbers, and key events know their page", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const ids: number[] = [];
      for (let i = 0; i < LIVE_PAGE_SIZE + 2; i++) {
        const e = await createLiveEntry({ ctx: n.ctx(n.editor), input: { articleId: id, title: `Nr. ${i}`, body: doc(`Meldung ${i}`) } });
        await publishLiveEntry({ ctx: n.ctx(n.editor), input: e });
        ids.push(e.id);
      }
      await setLiveEntryFlags({ ctx: n.ctx(n.editor), input: { id: ids[0], keyEvent: true } });
      const one = (await getLiveBlogPage(id, 1, { tx }))!;
      const two = (await getLiveBlogPage(id, 2, { tx }))!;
      expect(one.pages).toBe(2);
      expect(one.entries).toHaveLength(LIVE_PAGE_SIZE);
      expect(two.entries.map((e) => e.id)).toEqual([ids[1], ids[0]]);
      expect(one.keyEvents).toEqual([expect.objectContaining({ id: ids[0], page: 2 })]);
      expect(await getLiveBlogPage(id, 3, { tx })).toBeNull();
    }));

  it("has an entry feed (RSS and Atom) that parses, each item linking to its permalink", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      const a = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, title: "Straße <gesperrt> & „Ufer“", body: doc("Ab 18 Uhr.") } });
      await publishLiveEntry({ ctx: n.ctx(n.editor), input: a });
      const b = await createLiveEntry({ ctx: n.ctx(n.journalist), input: { articleId: id, body: doc("Ohne Titel: die Fähren stehen still.") } });
      await publishLiveEntry({ ctx: n.ctx(n.editor), input: b });
      const live = (await getLiveFeed(id, { tx }))!;
      const origin = "https://news.example.org";
      for (const format of ["rss", "atom"] as const) {
        const xml = feedDocument({
          format,
          self: `${origin}/feeds/live/${id}/${format}.xml`,
          origin,
          language: live.language,
          scope: { kind: "live", name: live.headline },
          labels: { tagline: "t", copyright: "c", tagKicker: "k" },
          fullText: true,
          items: live.items.map(({ anchor, ...item }) => ({ ...item, permalink: `${origin}${anchor}` })),
        });
        const problems: string[] = [];
        const xmlDoc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
        expect(problems).toEqual([]);
        const items = Array.from(xmlDoc.getElementsByTagName(format === "rss" ? "item" : "entry"));
        expect(items.map((i) => i.getElementsByTagName("title")[0].textContent)).toEqual(["Ohne Titel: die Fähren stehen still.", "Straße <gesperrt> & „Ufer“"]);
        const link = format === "rss" ? items[1].getElementsByTagName("link")[0].textContent : items[1].getElementsByTagName("link")[0].getAttribute("href");
        expect(link).toBe(`${origin}${live.path}#entry-${a.id}`);
      }
    }));

  it("is in the Google News sitemap while live, however old, and leaves it once ended", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const id = await liveBlog(n);
      // Published today and live: listed once, not once for each reason.
      expect((await listNewsSitemap(0, { tx })).filter((a) => a.headline === "Liveticker: Sturmflut an der Küste")).toHaveLength(1);
      await tx.update(publications).set({ publishedAt: sql`now() - interval '5 days'` }).where(eq(publications.articleId, id));
      expect((await listNewsSitemap(0, { tx })).some((a) => a.headline === "Liveticker: Sturmflut an der Küste")).toBe(true);
      await setLiveBlog({ ctx: n.ctx(n.editor), input: { articleId: id, state: "ended" } });
      expect((await listNewsSitemap(0, { tx })).some((a) => a.headline === "Liveticker: Sturmflut an der Küste")).toBe(false);
    }));
});
