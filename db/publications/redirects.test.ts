import { describe, expect, it } from "vitest";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { saveArticle } from "../articles/save";
import { unpublishArticle } from "../articles/unpublish";
import { doc, engine, inRollback, newsroom } from "../testing";
import { getVisibleArticle } from "./queries";
import { findSlugRedirect, listMovedPaths } from "./redirects";

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

describe(`old article addresses on ${engine}`, () => {
  /** A published article, and a way to publish it again at another slug and/or section. */
  async function live(n: Newsroom, headline: string, slug: string) {
    const fields = { headline, standfirst: "", sectionId: n.sections.politik.id, language: "de" as const, body: doc("Text.") };
    const a = await createArticle({ ctx: n.ctx(n.editor), input: { ...fields, slug } });
    let version = (await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } })).version;
    return {
      id: a.id,
      async move(to: { slug: string; sectionId?: number }) {
        const saved = await saveArticle({ ctx: n.ctx(n.editor), input: { ...fields, sectionId: to.sectionId ?? fields.sectionId, id: a.id, version, slug: to.slug } });
        version = (await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: saved.version } })).version;
      },
      version: () => version,
    };
  }

  it("sends an earlier slug or section to the live address, along a whole chain of moves", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const politik = n.sections.politik.slug;
      const kultur = n.sections.kultur.slug;
      const a = await live(n, "Hafen", "hafen-a");
      expect(await findSlugRedirect(politik, "hafen-a", { tx })).toBeNull(); // live addresses are not redirects

      await a.move({ slug: "hafen-b" });
      expect(await getVisibleArticle(politik, "hafen-a", { tx })).toBeNull();
      expect(await findSlugRedirect(politik, "hafen-a", { tx })).toBe(`/${politik}/hafen-b`);

      await a.move({ slug: "hafen-c", sectionId: n.sections.kultur.id });
      for (const old of ["hafen-a", "hafen-b"]) expect(await findSlugRedirect(politik, old, { tx })).toBe(`/${kultur}/hafen-c`);
      expect(await findSlugRedirect(kultur, "hafen-c", { tx })).toBeNull();
      // The request proxy's list says the same.
      const moved = await listMovedPaths({ tx });
      expect(moved[`/${politik}/hafen-a`]).toBe(`/${kultur}/hafen-c`);
      expect(moved[`/${politik}/hafen-b`]).toBe(`/${kultur}/hafen-c`);
      expect(moved[`/${kultur}/hafen-c`]).toBeUndefined();

      // An update at the same address adds nothing; unknown addresses stay unknown.
      await a.move({ slug: "hafen-c", sectionId: n.sections.kultur.id });
      expect(await tx.query.slugRedirects.findMany({ where: (r, { eq }) => eq(r.articleId, a.id) })).toHaveLength(2);
      expect(await findSlugRedirect(politik, "gibt-es-nicht", { tx })).toBeNull();

      // Back to the first address: that address is live again, the others lead there.
      await a.move({ slug: "hafen-a" });
      expect((await getVisibleArticle(politik, "hafen-a", { tx }))?.articleId).toBe(a.id);
      expect(await findSlugRedirect(politik, "hafen-a", { tx })).toBeNull();
      expect(await findSlugRedirect(politik, "hafen-b", { tx })).toBe(`/${politik}/hafen-a`);
      expect(await findSlugRedirect(kultur, "hafen-c", { tx })).toBe(`/${politik}/hafen-a`);
    }));

  it("never lets an old address shadow another article that is live there now", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const politik = n.sections.politik.slug;
      const first = await live(n, "Erster Text", "wahl");
      await first.move({ slug: "wahl-2025" });
      expect(await findSlugRedirect(politik, "wahl", { tx })).toBe(`/${politik}/wahl-2025`);

      // Another article takes the freed address: readers get that article, not a redirect.
      const second = await live(n, "Zweiter Text", "wahl");
      expect((await getVisibleArticle(politik, "wahl", { tx }))?.articleId).toBe(second.id);
      expect(await findSlugRedirect(politik, "wahl", { tx })).toBeNull();
      expect((await listMovedPaths({ tx }))[`/${politik}/wahl`]).toBeUndefined();
      expect(await tx.query.slugRedirects.findFirst({ where: (r, { and, eq }) => and(eq(r.sectionSlug, politik), eq(r.slug, "wahl")) })).toBeUndefined();

      // When the second one moves on, the address leads to the second, the last one live there.
      await second.move({ slug: "wahl-ergebnis" });
      expect(await findSlugRedirect(politik, "wahl", { tx })).toBe(`/${politik}/wahl-ergebnis`);
    }));

  it("leads nowhere once the article is unpublished", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await live(n, "Zurückgezogen", "rueckzug");
      await a.move({ slug: "rueckzug-neu" });
      await unpublishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version(), note: "Rechtliche Prüfung" } });
      expect(await findSlugRedirect(n.sections.politik.slug, "rueckzug", { tx })).toBeNull();
    }));
});
