import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { MATCH_END, MATCH_START } from "@/lib/search-marks";
import { executor, queryText, type Ctx } from "../context";

export const SEARCH_PAGE_SIZE = 10;
/**
 * How many of the newest matching articles are ranked. A common word matches most of a big
 * archive, and ranking means reading every match's search vector (100,000 articles on
 * PostgreSQL: 3.2 s for "Wohnung"); the newest 500 take milliseconds, and for news the best
 * match among recent articles is what readers want. Beyond that, the count says "more than".
 */
export const SEARCH_RANKED = 500;
export { MATCH_END, MATCH_START };

const SearchInput = z.object({
  q: z.string().transform(queryText).pipe(z.string().trim().max(200)).catch(""),
  page: z.coerce.number().int().min(1).max(SEARCH_RANKED / 10).catch(1),
});

type SearchRow = {
  id: number;
  section_slug: string;
  section_name: string;
  slug: string;
  headline: string;
  language: "de" | "en";
  published_at: string | Date;
  snippet: string;
  total: number;
};

export type SearchHit = {
  id: number;
  href: string;
  sectionName: string;
  headline: string;
  language: "de" | "en";
  publishedAt: string;
  /** Plain text with MATCH_START / MATCH_END around the matched words. */
  snippet: string;
};

/**
 * Full-text search over visible publications, each in its own language's stemming
 * ("Kämpfer" finds "Kämpfern", "ferry" finds "ferries"), ranked, with snippets.
 * Malformed input (an empty query, a page out of range) yields an empty first page.
 */
export async function searchPublications(input: { q?: unknown; page?: unknown }, ctx?: Pick<Ctx, "tx">) {
  const { q, page } = SearchInput.parse(input);
  if (!q) return { q, page: 1, total: 0, more: false, hits: [] as SearchHit[] };
  const db = await executor(ctx);
  // One query per language: each article matches the query stemmed its own way.
  const match = sql`(p.language = 'de' and p.search @@ websearch_to_tsquery('german', ${q}))
    or (p.language = 'en' and p.search @@ websearch_to_tsquery('english', ${q}))`;
  const query = sql`case when p.language = 'de' then websearch_to_tsquery('german', ${q}) else websearch_to_tsquery('english', ${q}) end`;
  const offset = (page - 1) * SEARCH_PAGE_SIZE;
  // How many articles match, counted up to one past what is ranked: the newest ones, like the
  // ranking below (for a common word the planner would otherwise read the table from its start).
  const matches = sql`(select count(*) from (select 1 from publications p where p.visible_from <= now() and (${match})
    order by p.published_at desc, p.article_id desc limit ${SEARCH_RANKED + 1}) c)::int`;
  // Both drivers answer `execute` with `{ rows }`.
  // The newest matches (index on published_at for a common word, the search index for a rare
  // one) are ranked on the search column alone; only the page's ten rows then read their text
  // and get a snippet (ts_headline is the expensive part). The count stops past SEARCH_RANKED.
  const rows = (await db.execute(sql`
    with newest as (
      select p.article_id, p.published_at, ts_rank_cd(p.search, ${query}) as rank
      from publications p
      where p.visible_from <= now() and (${match})
      order by p.published_at desc, p.article_id desc
      limit ${SEARCH_RANKED}
    ), found as (
      select * from newest order by rank desc, published_at desc, article_id desc limit ${SEARCH_PAGE_SIZE} offset ${offset}
    )
    select p.article_id as id, p.section_slug, p.section_name, p.slug, p.headline, p.language, p.published_at,
           ts_headline(case when p.language = 'de' then 'german'::regconfig else 'english'::regconfig end,
                       p.standfirst || ' ' || p.body_text, ${query},
                       ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet,
           ${matches} as total
    from found f
    join publications p on p.article_id = f.article_id
    order by f.rank desc, f.published_at desc, f.article_id desc`)) as unknown as { rows: SearchRow[] };
  const hits = rows.rows.map(
    (r): SearchHit => ({
      id: r.id,
      href: `/${r.section_slug}/${r.slug}`,
      sectionName: r.section_name,
      headline: r.headline,
      language: r.language,
      publishedAt: new Date(r.published_at).toISOString(),
      snippet: r.snippet,
    }),
  );
  const total = rows.rows[0]?.total ?? (offset > 0 ? await countMatches(db, matches) : 0);
  return { q, page, total: Math.min(total, SEARCH_RANKED), more: total > SEARCH_RANKED, hits };
}

/** Matches up to SEARCH_RANKED + 1, for a page past the last one (which has no row to carry it). */
async function countMatches(db: Awaited<ReturnType<typeof executor>>, matches: SQL): Promise<number> {
  const result = (await db.execute(sql`select ${matches} as total`)) as unknown as { rows: { total: number }[] };
  return result.rows[0].total;
}
