import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { publications } from "../schema";
import { doc, engine, inRollback, newsroom } from "../testing";
import { MATCH_END, MATCH_START, SEARCH_RANKED, searchPublications } from "./search";

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
      // Past the last page: no hits, and still the count (the pager leads back).
      expect(await searchPublications({ q: "Straßenbahn", page: "3" }, { tx })).toMatchObject({ total: 13, hits: [] });
    }));

  it("a word found everywhere ranks the newest matches only, and says there are more", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const old = await publish(n, { headline: "Fähre, Fähre, Fähre: das Fährjahr", language: "de", body: "Die Fähre fährt. Fähre um Fähre." });
      await tx.update(publications).set({ publishedAt: new Date(Date.now() - 365 * 86_400_000) }).where(eq(publications.articleId, old.id));
      // A busy archive: 505 more articles mentioning the ferry, a day old.
      const { id: sectionId, slug: sectionSlug } = n.sections.politik;
      await tx.execute(sql`
        with a as (
          insert into articles (section_id, slug, headline, body, status, version, published_version, language, comments_open)
          select ${sectionId}, 'faehre-' || i || '-' || ${n.tag}, 'Meldung ' || i || ' zur Fähre', '{"type":"doc","content":[]}', 'published', 1, 1, 'de', true
          from generate_series(1, 505) i
          returning id, slug, headline)
        insert into publications (article_id, section_slug, section_name, slug, language, headline, standfirst, body_html, body_text,
                                  bylines, tags, related, published_at, updated_at, visible_from, version, search)
        select id, ${sectionSlug}, 'Politik', slug, 'de', headline, '', '<p>Text</p>', 'Text', '[]', '[]', '[]',
               now() - interval '1 day', now() - interval '1 day', now() - interval '1 day', 1, to_tsvector('german', headline)
        from a`);
      const newest = await publish(n, { headline: "Neue Fähre für die Elbe", language: "de", body: "Die Fähre kommt im Mai." });

      const first = await searchPublications({ q: "Fähre" }, { tx });
      expect(first.total).toBe(SEARCH_RANKED);
      expect(first.more).toBe(true);
      expect(first.hits[0].id).toBe(newest.id); // the best match among the newest
      const ids = new Set<number>();
      for (let page = 1; page <= SEARCH_RANKED / 10; page++) for (const hit of (await searchPublications({ q: "Fähre", page }, { tx })).hits) ids.add(hit.id);
      expect(ids.size).toBe(SEARCH_RANKED);
      expect(ids.has(old.id)).toBe(false); // a year old: found by a narrower search
      const narrower = await searchPublications({ q: "Fährjahr" }, { tx });
      expect(narrower.hits.map((h) => h.id)).toEqual([old.id]);
      expect(narrower.more).toBe(false);
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
