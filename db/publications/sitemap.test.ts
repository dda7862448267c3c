import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engine, inRollback, newsroom } from "../testing";
import { countNewsSitemapFiles, listNewsSitemap, NEWS_SITEMAP_FILE } from "./sitemap";

describe(`news sitemap on ${engine}`, () => {
  it("lists every article of the last 48 hours, 1,000 a file, and nothing older", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const recent = NEWS_SITEMAP_FILE + 234;
      // A busy newsroom's two days (a million articles a year is ~5,500), and older ones: in
      // SQL, as the publish transaction would leave them.
      await tx.execute(sql`
        insert into articles (section_id, slug, headline, body, status, version, published_version)
        select ${n.sections.kultur.id}, 'news-' || i, 'News ' || i, '{"type":"doc","content":[]}', 'published', 1, 1
        from generate_series(1, ${recent + 50}) i`);
      await tx.execute(sql`
        insert into publications (article_id, section_slug, section_name, slug, language, headline, standfirst, body_html, body_text,
                                  bylines, tags, related, published_at, updated_at, visible_from, version)
        select a.id, 'kultur', 'Kultur', a.slug, 'de', a.headline, '', '', '', '[]', '[]', '[]', t.at, t.at, t.at, 1
        from articles a,
             lateral (select case when substring(a.slug from 6)::int <= ${recent}
                                  then now() - make_interval(secs => substring(a.slug from 6)::int * 60)
                                  else now() - interval '3 days' end as at) t
        where a.slug like 'news-%'`);

      expect(await countNewsSitemapFiles({ tx })).toBe(2);
      const first = await listNewsSitemap(0, { tx });
      const second = await listNewsSitemap(1, { tx });
      expect(first).toHaveLength(NEWS_SITEMAP_FILE);
      expect(second).toHaveLength(recent - NEWS_SITEMAP_FILE);
      const listed = [...first, ...second].map((a) => a.slug);
      expect(new Set(listed).size).toBe(recent); // no article twice, none missing
      expect(listed.every((slug) => Number(slug.slice(5)) <= recent)).toBe(true);
      expect(listed[0]).toBe("news-1"); // newest first
      expect(await listNewsSitemap(2, { tx })).toEqual([]);
    }));

  it("has one (empty) file when nothing is news", () =>
    inRollback(async (tx) => {
      await tx.execute(sql`delete from publications`);
      expect(await countNewsSitemapFiles({ tx })).toBe(1);
      expect(await listNewsSitemap(0, { tx })).toEqual([]);
    }));
});
