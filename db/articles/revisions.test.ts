import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import type { Db } from "../client";
import { doc, engine, inRollback, newsroom } from "../testing";
import { articleRevisions, articles, media } from "../schema";
import { createArticle } from "./create";
import { getArticleForEdit } from "./queries";
import { restoreRevision } from "./restore";
import { getRevision, listRevisions } from "./revisions";
import { saveArticle } from "./save";
import { submitArticle } from "./submit";

type N = Awaited<ReturnType<typeof newsroom>>;

describe(`revisions, history and restore on ${engine}`, () => {
  const fields = (sectionId: number, headline: string, ...paragraphs: string[]) => ({
    headline,
    standfirst: `Vorspann zu ${headline}`,
    sectionId,
    language: "de" as const,
    body: doc(...paragraphs),
  });

  async function draft(n: N) {
    return createArticle({ ctx: n.ctx(n.journalist), input: fields(n.sections.politik.id, "Hafen öffnet wieder", "Die Fähre fährt ab Montag.") });
  }

  /** Moves every revision of the article `minutes` into the past, as if written then. */
  async function age(tx: Db, articleId: number, minutes: number) {
    await tx
      .update(articleRevisions)
      .set({ createdAt: sql`${articleRevisions.createdAt} - make_interval(mins => ${minutes})` })
      .where(eq(articleRevisions.articleId, articleId));
  }

  it("lists a revision for the creation and one for each manual save, newest first, with who and why", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await draft(n);
      await saveArticle({ ctx: n.ctx(n.journalist), input: { ...fields(n.sections.politik.id, "Hafen öffnet wieder", "Die Fähre fährt ab Dienstag."), id: a.id, version: 1 } });
      const list = await listRevisions(a.id, { tx });
      expect(list.map((r) => [r.version, r.kind, r.author])).toEqual([
        [2, "save", n.journalist.name],
        [1, "create", n.journalist.name],
      ]);
      const latest = await getRevision(a.id, list[0].id, { tx });
      expect(latest).toMatchObject({ headline: "Hafen öffnet wieder", bodyText: "Die Fähre fährt ab Dienstag." });
      expect(latest?.shown).toMatchObject({ section: n.sections.politik.name, authors: [n.journalist.name], slug: "hafen-oeffnet-wieder" });
    }));

  it("folds one person's autosaves within 10 minutes into one revision, but not another person's", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await draft(n);
      const p = n.sections.politik.id;
      let v = (await saveArticle({ ctx: n.ctx(n.journalist), input: { ...fields(p, "Hafen", "Ein"), id: a.id, version: 1, autosave: true } })).version;
      v = (await saveArticle({ ctx: n.ctx(n.journalist), input: { ...fields(p, "Hafen", "Ein Satz"), id: a.id, version: v, autosave: true } })).version;
      let list = await listRevisions(a.id, { tx });
      expect(list.map((r) => [r.version, r.kind])).toEqual([
        [3, "autosave"],
        [1, "create"],
      ]);
      expect((await getRevision(a.id, list[0].id, { tx }))?.bodyText).toBe("Ein Satz");

      // An editor autosaving the same article gets a revision of their own.
      v = (await saveArticle({ ctx: n.ctx(n.editor), input: { ...fields(p, "Hafen", "Ein Satz, redigiert"), id: a.id, version: v, autosave: true } })).version;
      list = await listRevisions(a.id, { tx });
      expect(list.map((r) => [r.kind, r.author])).toEqual([
        ["autosave", n.editor.name],
        ["autosave", n.journalist.name],
        ["create", n.journalist.name],
      ]);

      // Older than ten minutes, the editor's next autosave starts a new revision too.
      await age(tx, a.id, 11);
      await saveArticle({ ctx: n.ctx(n.editor), input: { ...fields(p, "Hafen", "Ein Satz, noch einmal redigiert"), id: a.id, version: v, autosave: true } });
      expect(await listRevisions(a.id, { tx })).toHaveLength(4);
    }));

  it("restores an older revision as a new one: old text and metadata back, version bumped, nothing deleted", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const j = n.ctx(n.journalist);
      const a = await draft(n);
      const v2 = await saveArticle({
        ctx: j,
        input: { ...fields(n.sections.politik.id, "Hafen öffnet wieder", "Die Fähre fährt ab Montag."), id: a.id, version: 1, seoTitle: "Fähre fährt wieder", tags: ["Hafen", "Fähre"], related: [{ url: "https://example.org/fahrplan", title: "Fahrplan" }] },
      });
      const v3 = await saveArticle({
        ctx: j,
        input: { ...fields(n.sections.kultur.id, "Hafen bleibt zu", "Die „Fähre“ fährt nicht."), id: a.id, version: v2.version, slug: "hafen-bleibt-zu", seoTitle: "", tags: ["Streik"], related: [], authorIds: [n.journalist.id, n.otherJournalist.id] },
      });
      expect(v3.version).toBe(3);
      const before = await listRevisions(a.id, { tx });
      const saved = before.find((r) => r.version === 2)!;

      const restored = await restoreRevision({ ctx: j, input: { id: a.id, version: 3, revisionId: saved.id } });
      expect(restored).toMatchObject({ version: 4, restoredFrom: 2, dropped: [] });

      const article = await getArticleForEdit(a.id, { tx });
      expect(article).toMatchObject({ headline: "Hafen öffnet wieder", sectionId: n.sections.politik.id, slug: "hafen-oeffnet-wieder", version: 4 });
      expect(article?.authors.map((u) => u.id)).toEqual([n.journalist.id]);
      const after = await listRevisions(a.id, { tx });
      expect(after.map((r) => [r.version, r.kind, r.restoredFrom])).toEqual([
        [4, "restore", 2],
        [3, "save", null],
        [2, "save", null],
        [1, "create", null],
      ]);
      const newest = await getRevision(a.id, after[0].id, { tx });
      expect(newest?.bodyText).toBe("Die Fähre fährt ab Montag.");
      expect(newest?.fields).toMatchObject({ seoTitle: "Fähre fährt wieder", tags: ["Hafen", "Fähre"], related: [{ url: "https://example.org/fahrplan", title: "Fahrplan" }] });
      // The version that was replaced is still there, word for word.
      expect((await getRevision(a.id, after[1].id, { tx }))?.bodyText).toBe("Die „Fähre“ fährt nicht.");
    }));

  it("refuses a restore from a stale version and writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await draft(n);
      await saveArticle({ ctx: n.ctx(n.journalist), input: { ...fields(n.sections.politik.id, "Neu", "Neu."), id: a.id, version: 1 } });
      const [, first] = await listRevisions(a.id, { tx });
      const stale = restoreRevision({ ctx: n.ctx(n.journalist), input: { id: a.id, version: 1, revisionId: first.id } });
      await expect(stale).rejects.toBeInstanceOf(Conflict);
      expect(await listRevisions(a.id, { tx })).toHaveLength(2);
      expect((await getArticleForEdit(a.id, { tx }))?.headline).toBe("Neu");
    }));

  it("does not restore a journalist's article in review, or someone else's draft", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await draft(n);
      const [first] = await listRevisions(a.id, { tx });
      const other = restoreRevision({ ctx: n.ctx(n.otherJournalist), input: { id: a.id, version: 1, revisionId: first.id } });
      await expect(other).rejects.toBeInstanceOf(Forbidden);

      const submitted = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: 1 } });
      const inReview = restoreRevision({ ctx: n.ctx(n.journalist), input: { id: a.id, version: submitted.version, revisionId: first.id } });
      await expect(inReview).rejects.toBeInstanceOf(Forbidden);
      const anonymous = restoreRevision({ ctx: n.ctx(null), input: { id: a.id, version: submitted.version, revisionId: first.id } });
      await expect(anonymous).rejects.toBeInstanceOf(Forbidden);

      // An editor may.
      const byEditor = await restoreRevision({ ctx: n.ctx(n.editor), input: { id: a.id, version: submitted.version, revisionId: first.id } });
      expect(byEditor.restoredFrom).toBe(1);
      expect((await listRevisions(a.id, { tx })).filter((r) => r.kind === "restore")).toHaveLength(1);
    }));

  it("refuses a revision of another article as not found", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await draft(n);
      const b = await createArticle({ ctx: n.ctx(n.journalist), input: fields(n.sections.kultur.id, "Anderer Artikel", "Anderer Text.") });
      const [ofB] = await listRevisions(b.id, { tx });
      const wrong = restoreRevision({ ctx: n.ctx(n.journalist), input: { id: a.id, version: 1, revisionId: ofB.id } });
      await expect(wrong).rejects.toBeInstanceOf(NotFound);
      expect(await getRevision(a.id, ofB.id, { tx })).toBeNull();
    }));

  it("leaves out what no longer exists (a deleted image, a related article, a taken address) instead of failing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const j = n.ctx(n.journalist);
      const a = await draft(n);
      const target = await createArticle({ ctx: j, input: fields(n.sections.kultur.id, "Ziel", "Ziel.") });
      const [image] = await tx
        .insert(media)
        .values({ storageKey: `test/${n.tag}.jpg`, filename: "faehre.jpg", mimeType: "image/jpeg", width: 1200, height: 800, bytes: 1000, variants: [] })
        .returning({ id: media.id });
      const withAll = await saveArticle({
        ctx: j,
        input: {
          ...fields(n.sections.politik.id, "Hafen öffnet wieder", "Mit Bild."),
          id: a.id,
          version: 1,
          leadImageId: image.id,
          leadCaption: "Die Fähre",
          leadCredit: "Foto: Hafenamt",
          leadAlt: "Eine gelbe Fähre am Anleger",
          related: [{ articleId: target.id, title: "Ziel" }, { url: "https://example.org/", title: "Extern" }],
        },
      });
      const later = await saveArticle({ ctx: j, input: { ...fields(n.sections.politik.id, "Hafen bleibt zu", "Ohne Bild."), id: a.id, version: withAll.version, slug: "hafen-bleibt-zu", related: [] } });
      // Meanwhile the image leaves the library, the related article is deleted and another article takes the old address.
      await tx.delete(media).where(eq(media.id, image.id));
      await tx.execute(sql`delete from articles where id = ${target.id}`);
      const squatter = await createArticle({ ctx: n.ctx(n.otherJournalist), input: fields(n.sections.politik.id, "Hafen öffnet wieder", "Anderer Artikel.") });
      expect(squatter.slug).toBe("hafen-oeffnet-wieder");

      const old = (await listRevisions(a.id, { tx })).find((r) => r.version === withAll.version)!;
      const restored = await restoreRevision({ ctx: j, input: { id: a.id, version: later.version, revisionId: old.id } });
      expect(restored.dropped.sort()).toEqual(["leadImage", "related", "slug"]);
      const revision = await getRevision(a.id, (await listRevisions(a.id, { tx }))[0].id, { tx });
      expect(revision).toMatchObject({ headline: "Hafen öffnet wieder", bodyText: "Mit Bild.", kind: "restore" });
      expect(revision?.fields).toMatchObject({ leadImage: null, related: [{ url: "https://example.org/", title: "Extern" }] });
      expect(revision?.fields?.slug).not.toBe("hafen-oeffnet-wieder");
    }));

  it("restores a revision of an unfinished draft (no headline, no section, an image without credit): a draft need not be complete, submit says what is missing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const j = n.ctx(n.journalist);
      const [image] = await tx
        .insert(media)
        .values({ storageKey: `test/${n.tag}-draft.jpg`, filename: "faehre.jpg", mimeType: "image/jpeg", width: 800, height: 600, bytes: 1000, variants: [] })
        .returning({ id: media.id });
      const unfinished = await createArticle({ ctx: j, input: { headline: "", sectionId: null, language: "de", body: doc("Nur ein Anfang über die Fähre."), leadImageId: image.id, leadAlt: "Eine Fähre" } });
      const finished = await saveArticle({ ctx: j, input: { ...fields(n.sections.politik.id, "Fähre fertig", "Der ganze Text."), id: unfinished.id, version: unfinished.version } });
      const first = (await listRevisions(unfinished.id, { tx })).find((r) => r.version === unfinished.version)!;

      const restored = await restoreRevision({ ctx: j, input: { id: unfinished.id, version: finished.version, revisionId: first.id } });
      expect(restored).toMatchObject({ restoredFrom: unfinished.version, dropped: [] });
      const [article] = await tx.select().from(articles).where(eq(articles.id, unfinished.id));
      expect(article).toMatchObject({ headline: "", sectionId: null, leadImageId: image.id, leadCredit: "", leadAlt: "Eine Fähre" });
      await expect(submitArticle({ ctx: j, input: { id: unfinished.id, version: restored.version } })).rejects.toMatchObject({
        fieldErrors: { headline: ["validation.headlineRequired"], sectionId: ["validation.sectionRequired"], leadCredit: ["validation.creditRequired"] },
      });
    }));
});
