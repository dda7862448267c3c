import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { publications } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { MATCH_END, MATCH_START, searchPublications } from "./search";

describe(`full-text search on ${engine}`, () => {
  async function publish(n: Awaited<ReturnType<typeof newsroom>>, input: { headline: string; language: "de" | "en"; body: string }) {
    const a = await createArticle({
      ctx: n.ctx(n.editor),
      input: { headline: input.headline, standfirst: "", sectionId: n.sections.politik.id, language: input.language, body: doc(input.body) },
    });
    await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
    return a;
  }

  it("stems German and English words in each article's own language", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const de = await publish(n, { headline: "Streit um die Hafenstraße", language: "de", body: "Die Kämpfern der Bürgerinitiative sammeln Unterschriften gegen die Pläne." });
      const en = await publish(n, { headline: "Harbour news", language: "en", body: "Two ferries were running late on Monday." });

      const german = await searchPublications({ q: "Kämpfer" }, { tx });
      expect(german.hits.map((h) => h.id)).toEqual([de.id]);
      expect(german.hits[0].snippet).toContain(`${MATCH_START}Kämpfern${MATCH_END}`);

      expect((await searchPublications({ q: "ferry run" }, { tx })).hits.map((h) => h.id)).toEqual([en.id]);
      expect((await searchPublications({ q: "Hafenstrasse" }, { tx })).hits.map((h) => h.id)).toEqual([de.id]);
    }));

  it("ranks headline matches first and pages through results", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const inBody = await publish(n, { headline: "Haushalt beschlossen", language: "de", body: "Auch die Straßenbahn bekommt mehr Geld." });
      const inHeadline = await publish(n, { headline: "Neue Straßenbahn für Elbstadt", language: "de", body: "Der Rat hat entschieden." });
      const result = await searchPublications({ q: "Straßenbahn" }, { tx });
      expect(result.total).toBe(2);
      expect(result.hits.map((h) => h.id)).toEqual([inHeadline.id, inBody.id]);
      for (let i = 0; i < 11; i++) await publish(n, { headline: `Meldung ${i} zur Straßenbahn`, language: "de", body: "Kurz." });
      const second = await searchPublications({ q: "Straßenbahn", page: "2" }, { tx });
      expect(second.total).toBe(13);
      expect(second.hits).toHaveLength(3);
    }));

  it("finds only what readers may see, and treats bad input as an empty search", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await publish(n, { headline: "Embargo bis morgen", language: "de", body: "Geheim." });
      await tx.update(publications).set({ visibleFrom: new Date(Date.now() + 86_400_000) }).where(eq(publications.articleId, a.id));
      expect((await searchPublications({ q: "Embargo" }, { tx })).hits).toEqual([]);
      expect((await searchPublications({ q: "" }, { tx })).total).toBe(0);
      expect((await searchPublications({ q: ["x"], page: "-4" }, { tx })).hits).toEqual([]);
      expect((await searchPublications({ q: "\"unbalanced (quote & | !", page: "abc" }, { tx })).page).toBe(1);
    }));
});
