// Every reader query (db/query-catalog.ts) is served by an index on a big archive: the real
// query functions run against 40,000 publications (inside a transaction that is rolled back),
// the SQL they send is recorded, and PostgreSQL's EXPLAIN of each must not scan a big table sequentially.
// PostgreSQL only: PGlite's planner sees the same SQL but production's plans are PostgreSQL's.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { describe, expect, it } from "vitest";
import type { Db } from "../client";
import { queryCatalog, seqScans, type PlanNode } from "../query-catalog";
import * as schema from "../schema";

const ARTICLES = 40_000;
/** A big archive in SQL, shaped like publishing writes it (bylines, tags, search vector). */
async function seedArchive(client: pg.Client) {
  await client.query(`insert into sections (slug, name, position) select 'explain-s' || i, 'Explain ' || i, 100 + i from generate_series(0, 4) i`);
  await client.query(
    `insert into users (email, name, slug, role, password_hash) select 'explain' || i || '@copydesk.test', 'Explain Author ' || i, 'explain-author-' || i, 'journalist', 'x' from generate_series(0, 19) i`,
  );
  await client.query(`insert into tags (name, slug) select 'Explain Tag ' || i, 'explain-tag-' || i from generate_series(0, 1999) i`);
  await client.query(
    `with s as (select id, (row_number() over (order by id) - 1)::int as k from sections where slug like 'explain-s%')
     insert into articles (section_id, slug, headline, body, status, version, published_version, language, comments_open)
     select s.id, 'explain-' || g.i, 'Headline ' || g.i || case when g.i % 8000 = 0 then ' Seegraswiesen' else '' end, '{"type":"doc","content":[]}', 'published', 1, 1,
            (case when g.i % 3 = 0 then 'en' else 'de' end)::article_language, true
     from generate_series(1, $1::int) g(i) join s on s.k = g.i % 5`,
    [ARTICLES],
  );
  await client.query(
    `with s as (select id, slug, name from sections where slug like 'explain-s%'),
          u as (select name, slug, (row_number() over (order by id) - 1)::int as k from users where slug like 'explain-author-%'),
          a as (select a.*, substring(a.slug from 9)::int as n from articles a where a.slug like 'explain-%')
     insert into publications (article_id, section_slug, section_name, slug, language, headline, standfirst, body_html, body_text,
                               bylines, tags, related, published_at, updated_at, visible_from, version, search)
     select a.id, s.slug, s.name, a.slug, a.language, a.headline, 'Standfirst ' || a.n, '<p>Text ' || a.n || '</p>',
            body.text,
            jsonb_build_array(jsonb_build_object('name', u.name, 'slug', u.slug)),
            (select jsonb_agg(jsonb_build_object('name', 'Explain Tag ' || t, 'slug', 'explain-tag-' || t))
               from (values ((a.n * 7) % 2000), ((a.n * 13 + 1) % 2000), ((a.n * 29 + 2) % 2000)) v(t)),
            '[]', now() - make_interval(mins => a.n + 1), now() - make_interval(mins => a.n + 1), now() - make_interval(mins => a.n + 1), 1,
            setweight(to_tsvector(case when a.language = 'de' then 'german'::regconfig else 'english'::regconfig end, a.headline), 'A')
              || setweight(to_tsvector(case when a.language = 'de' then 'german'::regconfig else 'english'::regconfig end, body.text), 'C')
     from a join s on s.id = a.section_id join u on u.k = a.n % 20,
          lateral (select 'Der Stadtrat prüft den Haushalt ' || md5(a.n::text) || case when a.n % 200 = 0 then ' Seegraswiesen' else '' end as text) body`,
  );
  await client.query(
    `insert into article_tags (article_id, tag_id, position)
     select p.article_id, t.id, (e.ord - 1)::int from publications p cross join lateral jsonb_array_elements(p.tags) with ordinality e(tag, ord)
     join tags t on t.slug = e.tag->>'slug' where p.slug like 'explain-%' on conflict do nothing`,
  );
  await client.query(
    `insert into comments (article_id, author_name, body, status, created_at)
     select a.id, 'Reader', 'A comment', 'approved', now() from articles a, generate_series(1, 2) where a.slug like 'explain-%' and a.id % 5 = 0`,
  );
  // Statistics and merged GIN pending lists, as autovacuum would keep them (ANALYZE sees this
  // transaction's own rows; a GIN index whose new entries all sit in its pending list looks
  // costly to the planner).
  await client.query("analyze sections, users, tags, articles, publications, article_tags, comments");
  await client.query(
    "select gin_clean_pending_list(c.oid) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam where am.amname = 'gin' and i.indrelid in ('publications'::regclass, 'articles'::regclass)",
  );
}

// Plans are PostgreSQL's (PGlite's planner sees a toy table): vitest.config.ts runs *.pg.test.ts
// only when DATABASE_URL is set.
describe("reader query plans on PostgreSQL", () => {
  it("serves every reader query from an index on a 40,000-article archive", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query("begin");
      await seedArchive(client);
      const recorded: { label: string; sql: string; params: unknown[] }[] = [];
      let label = "";
      const db = drizzle({ client, schema, logger: { logQuery: (sql, params) => void recorded.push({ label, sql, params }) } }) as unknown as Db;
      const ctx = { tx: db };
      const { rows } = await client.query<{ id: number; section_slug: string; slug: string }>(
        "select article_id as id, section_slug, slug from publications where slug = 'explain-25000'",
      );
      const a = rows[0];
      const editorId = (await client.query<{ id: number }>("select id from users where slug = 'explain-author-0'")).rows[0].id;
      const journalistId = (await client.query<{ id: number }>("select id from users where slug = 'explain-author-3'")).rows[0].id;
      // Every query a reader request sends, and the desk's lists (db/query-catalog.ts).
      const readers = queryCatalog(
        {
          article: { id: a.id, sectionSlug: a.section_slug, slug: a.slug },
          tagSlug: "explain-tag-77",
          authorSlug: "explain-author-3",
          commonWord: "Haushalt",
          rareWord: "Seegraswiesen",
          editor: { id: editorId, role: "editor", name: "Explain Editor" },
          journalist: { id: journalistId, role: "journalist", name: "Explain Author" },
        },
        ctx,
      );
      for (const query of readers) {
        label = query.label;
        await query.run();
      }
      expect(new Set(recorded.map((q) => q.label)).size).toBe(readers.length); // every reader sent its SQL

      const scans: string[] = [];
      for (const q of recorded) {
        const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${q.sql}`, q.params);
        const tables = seqScans(plan.rows[0]["QUERY PLAN"][0].Plan);
        if (!tables.length) continue;
        // The plan in the failure message says what the planner did instead.
        const text = await client.query<{ "QUERY PLAN": string }>(`explain ${q.sql}`, q.params);
        scans.push(`${q.label}: Seq Scan on ${tables.join(", ")}\n${text.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
      expect(scans).toEqual([]);

      // Headline words typed in the desk (ILIKE '%word%') find a rare word by its trigrams: the
      // article list's filter (the page and the count) and the editor's link picker.
      for (const [label, index, statements] of [
        ["desk list, headline word, rare", "articles_headline_trgm_idx", 2],
        ["link picker, headline word, rare", "publications_headline_trgm_idx", 1],
      ] as const) {
        const sent = recorded.filter((q) => q.label === label);
        expect(sent).toHaveLength(statements);
        for (const q of sent) {
          const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${q.sql}`, q.params);
          expect(indexesUsed(plan.rows[0]["QUERY PLAN"][0].Plan), q.sql).toContain(index);
        }
      }
    } finally {
      await client.query("rollback").catch(() => undefined);
      await client.end();
    }
  });
});

/** The indexes a plan reads. */
function indexesUsed(node: PlanNode & { "Index Name"?: string }): string[] {
  return [...(node["Index Name"] ? [node["Index Name"]] : []), ...(node.Plans ?? []).flatMap(indexesUsed)];
}
