// On PostgreSQL, the bench's archive seen from the database and the crawler's side:
//  - every query of db/query-catalog.ts (what reader requests send, and the desk's lists), run
//    the way its route runs it, straight against the database: its plan (any sequential scan of
//    a table that grows with the archive is named) and its time over many runs;
//  - the sitemaps, fetched from the server as a crawler would: every visible article in one of
//    the article files, every article of the last 48 hours in the news files.
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { POSTGRES_SESSION_OPTIONS, type Db } from "@/db/client";
import { queryCatalog, seqScans, type PlanNode } from "@/db/query-catalog";
import * as schema from "@/db/schema";
import type { Role } from "@/lib/permissions";
import { spread, timedGet, type Spread } from "./measure";
import type { SeedInfo } from "./seed";

export type QueryTiming = Spread & { label: string; audience: "reader" | "desk"; seqScans: string[] };

/** The catalog on the bench's archive, on one connection, recording the SQL of whichever label is set. */
async function catalogOn(client: pg.Client, info: SeedInfo) {
  const recorded: { label: string; sql: string; params: unknown[] }[] = [];
  const recording: { label: string | null } = { label: null };
  const db = drizzle({ client, schema, logger: { logQuery: (sql, params) => void (recording.label && recorded.push({ label: recording.label, sql, params })) } }) as unknown as Db;
  const [, sectionSlug, slug] = info.articlePath.split("/");
  const article = (await client.query<{ id: number }>("select article_id as id from publications where section_slug = $1 and slug = $2", [sectionSlug, slug])).rows[0];
  const people = (await client.query<{ id: number; role: Role; name: string; slug: string; email: string }>("select id, role, name, slug, email from users")).rows;
  const editor = people.find((p) => p.email === info.editor.email)!;
  const journalist = people.find((p) => p.slug === info.authorSlug)!;
  // The least-used tag's name: a search that matches few articles (the search index's case).
  const rare = (await client.query<{ name: string }>("select t.name from tags t join article_tags x on x.tag_id = t.id group by t.id order by count(*), t.id limit 1")).rows[0];
  const catalog = queryCatalog(
    {
      article: { id: article.id, sectionSlug, slug },
      tagSlug: info.tagSlug,
      authorSlug: info.authorSlug,
      commonWord: info.searchWord,
      rareWord: rare.name,
      liveBlogId: info.live.id,
      editor: { id: editor.id, role: editor.role, name: editor.name },
      journalist: { id: journalist.id, role: journalist.role, name: journalist.name },
    },
    { tx: db },
  );
  return { catalog, recorded, recording };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of every statement the catalog's queries send (or those whose label
 * contains one of `only`), each run once before, as the timing would have warmed it.
 */
export async function explainQueryCatalog(url: string, info: SeedInfo, only?: string[]): Promise<string> {
  // With the app's session settings (db/client.ts), so plans and times are the server's.
  const client = new pg.Client({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
  await client.connect();
  try {
    const { catalog, recorded, recording } = await catalogOn(client, info);
    const out: string[] = [];
    for (const q of catalog.filter((q) => !only || only.some((o) => q.label.includes(o)))) {
      recording.label = q.label;
      await q.run();
      recording.label = null;
      const t0 = performance.now();
      await q.run();
      out.push(`### ${q.label}: ${(performance.now() - t0).toFixed(1)} ms (all its statements, warm)`);
      for (const r of recorded.filter((r) => r.label === q.label)) {
        const plan = await client.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${r.sql}`, r.params);
        out.push(r.sql.replace(/\s+/g, " ").slice(0, 400), ...plan.rows.map((row) => row["QUERY PLAN"]), "");
      }
    }
    return out.join("\n");
  } finally {
    await client.end();
  }
}

export async function timeQueryCatalog(url: string, info: SeedInfo, samples: number): Promise<QueryTiming[]> {
  // With the app's session settings (db/client.ts), so plans and times are the server's.
  const client = new pg.Client({ connectionString: url, options: POSTGRES_SESSION_OPTIONS });
  await client.connect();
  try {
    const { catalog, recorded, recording } = await catalogOn(client, info);
    // Each query once, recording its SQL, then the plans of what was sent.
    for (const q of catalog) {
      recording.label = q.label;
      await q.run();
    }
    recording.label = null;
    const scans = new Map<string, Set<string>>();
    for (const q of recorded) {
      const plan = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`explain (format json) ${q.sql}`, q.params);
      for (const table of seqScans(plan.rows[0]["QUERY PLAN"][0].Plan)) scans.set(q.label, (scans.get(q.label) ?? new Set()).add(table));
    }

    // Then the timings: every query once per round, so a busy moment on the machine falls on all alike.
    const times = new Map<string, number[]>(catalog.map((q) => [q.label, []]));
    for (let round = 0; round < samples; round++) {
      for (const q of catalog) {
        const t0 = performance.now();
        await q.run();
        times.get(q.label)!.push(performance.now() - t0);
      }
    }
    return catalog.map((q) => ({ label: q.label, audience: q.audience, ...spread(times.get(q.label)!), seqScans: [...(scans.get(q.label) ?? [])] }));
  } finally {
    await client.end();
  }
}

export type SitemapCheck = {
  articleFiles: number;
  articleUrls: number;
  visibleArticles: number;
  newsFiles: number;
  newsUrls: number;
  /**
   * Articles of the last 48 hours (and running live blogs) when the news files were asked for
   * and when they were counted: an article published 48 hours before may leave the window in
   * between, so the files are complete when they list a number in this range.
   */
  newsArticles: { atFetch: number; atCount: number };
  /** Distinct addresses over all article files (a duplicate would count twice above). */
  distinctArticleUrls: number;
  /** Slowest file to fetch. */
  slowestMs: number;
};

/** Fetches the sitemap index and every file it names; counts against the database's own answer. */
export async function checkSitemaps(base: string, url: string): Promise<SitemapCheck> {
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1].replace(/&amp;/g, "&")).pathname);
  const index = await timedGet(`${base}/sitemap.xml`);
  if (index.status !== 200) throw new Error(`/sitemap.xml answered ${index.status}`);
  const files = locs(index.body);
  const fetchedFrom = new Date();
  const result: SitemapCheck = { articleFiles: 0, articleUrls: 0, visibleArticles: 0, newsFiles: 0, newsUrls: 0, newsArticles: { atFetch: 0, atCount: 0 }, distinctArticleUrls: 0, slowestMs: index.ms };
  const seen = new Set<string>();
  for (const file of files) {
    const res = await timedGet(base + file);
    if (res.status !== 200) throw new Error(`${file} answered ${res.status}`);
    result.slowestMs = Math.max(result.slowestMs, res.ms);
    const urls = locs(res.body);
    if (/\/articles-\d+\.xml$/.test(file)) {
      result.articleFiles++;
      result.articleUrls += urls.length;
      for (const u of urls) seen.add(u);
    } else if (/\/news(-\d+)?\.xml$/.test(file)) {
      result.newsFiles++;
      result.newsUrls += urls.length;
    }
  }
  result.distinctArticleUrls = seen.size;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const news = (since: string) => `(select count(*)::int from publications p where p.visible_from <= now() and (p.published_at >= ${since} - interval '48 hours'
                 or exists (select 1 from articles a where a.id = p.article_id and a.live_state = 'live')))`;
    const { rows } = await client.query<{ visible: number; atFetch: number; atCount: number }>(
      `select (select count(*)::int from publications where visible_from <= now()) as visible,
              ${news("$1::timestamptz")} as "atFetch", ${news("now()")} as "atCount"`,
      [fetchedFrom.toISOString()],
    );
    result.visibleArticles = rows[0].visible;
    result.newsArticles = { atFetch: rows[0].atFetch, atCount: rows[0].atCount };
  } finally {
    await client.end();
  }
  result.slowestMs = Math.round(result.slowestMs * 10) / 10;
  return result;
}
