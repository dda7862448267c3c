import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { doc, engine, inRollback, newsroom } from "../testing";
import { articleEvents, articleRevisions, articles, publications } from "../schema";
import { getCanonicalPath, getVisibleArticle, listLatest } from "../publications/queries";
import { createArticle } from "./create";
import { getArticleForEdit, getDeskOverview, listArticleEvents } from "./queries";
import { withdrawArticle } from "./withdraw";
import { publishArticle } from "./publish";
import { requestChanges } from "./request-changes";
import { saveArticle } from "./save";
import { submitArticle } from "./submit";

describe(`articles on ${engine}`, () => {
  const draftInput = (sectionId: number, headline = "Kämpfer für die Straßenbahn") => ({
    headline,
    standfirst: "Eine Bürgerinitiative sammelt Unterschriften.",
    sectionId,
    language: "de" as const,
    body: doc("Erster Absatz.", "Zweiter Absatz mit „Anführungszeichen“."),
  });

  it("creates a draft bylined to its author, with a transliterated slug, a revision and an audit event", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      expect(a).toMatchObject({ version: 1, status: "draft", slug: "kaempfer-fuer-die-strassenbahn" });
      const loaded = await getArticleForEdit(a.id, { tx });
      expect(loaded?.authors.map((u) => u.id)).toEqual([n.journalist.id]);
      expect(await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, a.id))).toHaveLength(1);
      const events = await tx.select().from(articleEvents).where(eq(articleEvents.articleId, a.id));
      expect(events.map((e) => e.action)).toEqual(["create"]);
    }));

  it("gives a clashing headline a free slug in the same section only", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const first = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      const second = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      const elsewhere = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.kultur.id) });
      expect([first.slug, second.slug, elsewhere.slug]).toEqual([
        "kaempfer-fuer-die-strassenbahn",
        "kaempfer-fuer-die-strassenbahn-2",
        "kaempfer-fuer-die-strassenbahn",
      ]);
    }));

  it("refuses bad input with field messages and writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const bad = { ...draftInput(n.sections.politik.id), headline: "x".repeat(201), sectionId: 999999, body: { type: "doc", content: [{ type: "iframe" }] } };
      const error = await createArticle({ ctx: n.ctx(n.journalist), input: bad }).catch((e) => e);
      expect(error).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors.headline).toEqual(["validation.headlineTooLong"]);
      const unknownSection = await createArticle({ ctx: n.ctx(n.journalist), input: { ...draftInput(999999) } }).catch((e) => e);
      expect((unknownSection as Invalid).fieldErrors.sectionId).toBeDefined();
      // Nothing by this newsroom's journalist (other test files, the co-editing server's among
      // them, commit articles of their own to the same database meanwhile).
      expect(await tx.select().from(articles).where(eq(articles.createdById, n.journalist.id))).toHaveLength(0);
    }));

  it("creates a draft without headline or section; submitting it names what is missing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: { headline: "  ", sectionId: "", body: doc("Nur Text.") } });
      const stored = await getArticleForEdit(a.id, { tx });
      expect(stored).toMatchObject({ headline: "", sectionId: null, authorIds: [n.journalist.id] });
      const refused = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: a.version } }).catch((e) => e);
      expect((refused as Invalid).fieldErrors).toMatchObject({ headline: ["validation.headlineRequired"], sectionId: ["validation.sectionRequired"] });
    }));

  it("detects a concurrent edit instead of overwriting it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      const mine = await saveArticle({ ctx: n.ctx(n.journalist), input: { ...draftInput(n.sections.politik.id, "Meine Fassung"), id: a.id, version: 1 } });
      expect(mine.version).toBe(2);
      // The editor's tab still holds version 1.
      const theirs = saveArticle({ ctx: n.ctx(n.editor), input: { ...draftInput(n.sections.politik.id, "Fassung des Editors"), id: a.id, version: 1 } });
      await expect(theirs).rejects.toBeInstanceOf(Conflict);
      const stored = await getArticleForEdit(a.id, { tx });
      expect(stored).toMatchObject({ headline: "Meine Fassung", version: 2 });
    }));

  it("takes the journey draft → review → changes requested → review → published", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const j = n.ctx(n.journalist);
      const a = await createArticle({ ctx: j, input: draftInput(n.sections.politik.id) });
      const submitted = await submitArticle({ ctx: j, input: { id: a.id, version: a.version } });
      expect(submitted.status).toBe("in_review");

      // In review the journalist can no longer change it.
      await expect(
        saveArticle({ ctx: j, input: { ...draftInput(n.sections.politik.id), id: a.id, version: submitted.version } }),
      ).rejects.toBeInstanceOf(Forbidden);

      await expect(requestChanges({ ctx: n.ctx(n.editor), input: { id: a.id, version: submitted.version, note: " " } })).rejects.toBeInstanceOf(Invalid);
      const back = await requestChanges({ ctx: n.ctx(n.editor), input: { id: a.id, version: submitted.version, note: "Bitte Quelle nennen." } });
      expect(back.status).toBe("changes_requested");
      const fixed = await saveArticle({ ctx: j, input: { ...draftInput(n.sections.politik.id), id: a.id, version: back.version } });
      const again = await submitArticle({ ctx: j, input: { id: a.id, version: fixed.version } });
      const published = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: again.version } });
      expect(published).toMatchObject({ status: "published", url: `/${n.sections.politik.slug}/kaempfer-fuer-die-strassenbahn` });

      const events = await tx.select().from(articleEvents).where(eq(articleEvents.articleId, a.id)).orderBy(articleEvents.id);
      expect(events.map((e) => `${e.fromStatus ?? "-"}>${e.toStatus}`)).toEqual([
        "->draft",
        "draft>in_review",
        "in_review>changes_requested",
        "changes_requested>in_review",
        "in_review>published",
      ]);
      expect(events[2].note).toBe("Bitte Quelle nennen.");
    }));

  it("lets an author withdraw their submission, not a colleague's, and records it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      const s = await submitArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: a.version } });
      await expect(withdrawArticle({ ctx: n.ctx(n.otherJournalist), input: { id: a.id, version: s.version } })).rejects.toBeInstanceOf(Forbidden);
      const w = await withdrawArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: s.version } });
      expect(w.status).toBe("draft");
      // Nothing left to withdraw: a draft is not in review.
      await expect(withdrawArticle({ ctx: n.ctx(n.journalist), input: { id: a.id, version: w.version } })).rejects.toBeInstanceOf(Forbidden);
      await expect(withdrawArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: w.version } })).rejects.toBeInstanceOf(Invalid);
      const history = await listArticleEvents(a.id, { tx });
      expect(history.map((e) => `${e.action}:${e.actor === n.journalist.name}`)).toEqual(["withdraw:true", "submit:true", "create:true"]);
    }));

  it("never lets a journalist publish, and writes nothing when refused", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const j = n.ctx(n.journalist);
      const a = await createArticle({ ctx: j, input: draftInput(n.sections.politik.id) });
      const s = await submitArticle({ ctx: j, input: { id: a.id, version: a.version } });
      await expect(publishArticle({ ctx: j, input: { id: a.id, version: s.version } })).rejects.toThrow("errors.publishEditorsOnly");
      await expect(publishArticle({ ctx: n.ctx(null), input: { id: a.id, version: s.version } })).rejects.toBeInstanceOf(Forbidden);
      expect(await tx.select().from(publications)).toHaveLength(0);
      const stored = await getArticleForEdit(a.id, { tx });
      expect(stored).toMatchObject({ status: "in_review", version: s.version });
    }));

  it("keeps other journalists out of a colleague's draft", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: draftInput(n.sections.politik.id) });
      await expect(
        saveArticle({ ctx: n.ctx(n.otherJournalist), input: { ...draftInput(n.sections.politik.id, "Übernommen"), id: a.id, version: 1 } }),
      ).rejects.toBeInstanceOf(Forbidden);
      await expect(submitArticle({ ctx: n.ctx(n.otherJournalist), input: { id: a.id, version: 1 } })).rejects.toBeInstanceOf(Forbidden);
    }));

  it("publishes a sanitized snapshot readers can find; edits stay off the live page until republished", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const sectionId = n.sections.politik.id;
      const a = await createArticle({ ctx: n.ctx(n.editor), input: draftInput(sectionId) });
      const linked = {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Worum es geht" }] },
          { type: "paragraph", content: [{ type: "text", text: "<b>kein HTML</b>" }] },
        ],
      };
      const saved = await saveArticle({
        ctx: n.ctx(n.editor),
        input: { ...draftInput(sectionId), body: linked, id: a.id, version: a.version, tags: ["Verkehr", "verkehr", " Bürger "], related: [{ url: "https://example.org/plan", title: "Der Plan" }] },
      });
      const pub = await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: saved.version } });

      const live = await getVisibleArticle(n.sections.politik.slug, "kaempfer-fuer-die-strassenbahn", { tx });
      expect(live).toMatchObject({ headline: "Kämpfer für die Straßenbahn", language: "de" });
      expect(live!.bodyHtml).toBe("<h2>Worum es geht</h2><p>&lt;b&gt;kein HTML&lt;/b&gt;</p>");
      expect(live!.bylines).toEqual([{ name: n.editor.name, slug: expect.stringMatching(/^eda-editor/) }]);
      expect(live!.tags.map((t) => t.name)).toEqual(["Verkehr", "Bürger"]);
      expect(live!.related).toEqual([{ title: "Der Plan", href: "https://example.org/plan", external: true }]);
      expect((await listLatest({ sectionSlug: n.sections.politik.slug }, { tx })).map((t) => t.id)).toEqual([a.id]);
      expect(await getCanonicalPath(a.id, { tx })).toBe(`/${n.sections.politik.slug}/kaempfer-fuer-die-strassenbahn`);

      // Editing the working copy changes nothing for readers, and keeps the URL.
      const edited = await saveArticle({ ctx: n.ctx(n.editor), input: { ...draftInput(sectionId, "Neue Überschrift"), id: a.id, version: pub.version } });
      expect(edited.slug).toBe("kaempfer-fuer-die-strassenbahn");
      expect((await getVisibleArticle(n.sections.politik.slug, edited.slug, { tx }))!.headline).toBe("Kämpfer für die Straßenbahn");
      const overview = await getDeskOverview(n.editor, { tx });
      expect(overview.published.find((d) => d.id === a.id)?.hasUnpublishedChanges).toBe(true);

      await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: edited.version } });
      const updated = await getVisibleArticle(n.sections.politik.slug, edited.slug, { tx });
      expect(updated!.headline).toBe("Neue Überschrift");
      expect(updated!.publishedAt).toBe(live!.publishedAt); // first publication time is kept
    }));

  it("moves a published article to another section under a free address, keeping the old one reserved", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const { politik, kultur } = n.sections;
      const moved = await createArticle({ ctx: n.ctx(n.editor), input: draftInput(politik.id, "Wahl 2025") });
      const pub = await publishArticle({ ctx: n.ctx(n.editor), input: { id: moved.id, version: moved.version } });
      await createArticle({ ctx: n.ctx(n.editor), input: draftInput(kultur.id, "Wahl 2025") }); // takes wahl-2025 in Kultur

      const saved = await saveArticle({ ctx: n.ctx(n.editor), input: { ...draftInput(kultur.id, "Wahl 2025"), id: moved.id, version: pub.version } });
      expect(saved.slug).toBe("wahl-2025-2");
      // Its live copy still answers at politik/wahl-2025 until republished, so a new Politik draft must not take that address.
      const newcomer = await createArticle({ ctx: n.ctx(n.editor), input: draftInput(politik.id, "Wahl 2025") });
      expect(newcomer.slug).toBe("wahl-2025-2");
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: newcomer.id, version: newcomer.version } });
    }));

  it("hides publications that are not due yet", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.editor), input: draftInput(n.sections.politik.id) });
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
      await tx.update(publications).set({ visibleFrom: new Date(Date.now() + 3_600_000) }).where(eq(publications.articleId, a.id));
      expect(await getVisibleArticle(n.sections.politik.slug, a.slug, { tx })).toBeNull();
      expect(await listLatest({ sectionSlug: n.sections.politik.slug }, { tx })).toEqual([]);
      expect(await getCanonicalPath(a.id, { tx })).toBeNull();
    }));

  it("refuses related links to articles that do not exist", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.editor), input: draftInput(n.sections.politik.id) });
      const error = await saveArticle({
        ctx: n.ctx(n.editor),
        input: { ...draftInput(n.sections.politik.id), id: a.id, version: 1, related: [{ articleId: 987654, title: "Weg" }] },
      }).catch((e) => e);
      expect((error as Invalid).fieldErrors.related).toBeDefined();
    }));
});
