// The benchmark's results as one Markdown report (printed and saved beside the JSON).
import type { LiveFigures } from "./live";
import type { LoadFigures, PageWeight, PublishFigures, Spread } from "./measure";
import type { QueryTiming, SitemapCheck } from "./queries";

export type RouteResult = { name: string; path: string; queries: number | null; cache: string | null; load: Record<string, LoadFigures> };

export type BenchResult = {
  meta: {
    date: string;
    engine: "pglite" | "postgres";
    articles: number;
    quick: boolean;
    seconds: number;
    warmupSeconds: number;
    connections: number[];
    node: string;
    cpus: number;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
    commit: string;
  };
  /** `reused`: seeded by an earlier run (--seed-only or --reuse), which took `seconds`. */
  seed: { seconds: number; approvedComments: number; reused?: boolean } | null;
  ceiling: Record<string, LoadFigures>;
  routes: RouteResult[];
  cacheMiss: Spread & { queries: number | null };
  deskPages: Record<string, Spread>;
  /** PostgreSQL only (null: PGlite): every catalogued query's time and sequential scans. */
  queries?: QueryTiming[] | null;
  /** PostgreSQL only: the sitemaps as a crawler fetched them, against the database's counts. */
  sitemaps?: SitemapCheck | null;
  autosave: Spread;
  publish: PublishFigures;
  weight: PageWeight;
  /** --edge: the cached routes through an edge cache in front of the same server (null: not run). */
  edge?: { name: "varnish"; routes: Record<string, Record<string, LoadFigures>>; hitRate: number } | null;
  /** The live-blog case, once per mode (null: left out). */
  live?: LiveFigures[] | null;
};

const ms = (x: number) => (Number.isFinite(x) ? `${x} ms` : "–");
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function markdown(r: BenchResult): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push(`# Copydesk bench — ${m.engine === "pglite" ? "PGlite" : "PostgreSQL"}, ${m.articles.toLocaleString("en")} articles${m.quick ? " (quick)" : ""}`);
  lines.push("");
  lines.push(
    `${m.date} · commit ${m.commit} · Node ${m.node} · ${m.cpus} CPUs (1-minute load ${m.loadAverageAtStart[0].toFixed(1)} at start, ${m.loadAverageAtEnd[0].toFixed(1)} at end) · ` +
      `${m.seconds} s per run after ${m.warmupSeconds} s warm-up${r.seed ? (r.seed.reused ? ` · reused archive (seeded in ${r.seed.seconds.toFixed(1)} s)` : ` · seeded in ${r.seed.seconds.toFixed(1)} s`) : " · reused archive"}`,
  );
  lines.push("");
  const busiest = Math.max(m.loadAverageAtStart[0], m.loadAverageAtEnd[0]);
  if (busiest > m.cpus) {
    lines.push(`> The machine was busy with other work (1-minute load up to ${busiest.toFixed(1)} on ${m.cpus} CPUs): every figure below is lower than this machine can do. Compare ratios, or runs on a quiet machine.`);
    lines.push("");
  }
  const head = ["route", "path", "queries", "cache"];
  for (const c of m.connections) head.push(`req/s @${c}`, `p50 @${c}`, `p99 @${c}`, `errors @${c}`, `ratio @${c}`);
  lines.push(`| ${head.join(" | ")} |`);
  lines.push(`|${head.map((_, i) => (i < 2 || i === 3 ? "---" : "---:")).join("|")}|`);
  const row = (name: string, path: string, queries: string, cache: string, load: Record<string, LoadFigures>) => {
    const cells = [name, `\`${path}\``, queries, cache];
    for (const c of m.connections) {
      const f = load[c];
      const ceiling = r.ceiling[c];
      const none = f.requests === 0; // nothing finished within the run: no latencies to show
      cells.push(
        String(f.reqPerSec),
        none ? "–" : `${f.p50} ms`,
        none ? "–" : `${f.p99} ms`,
        String(f.errors + f.non2xx),
        name === "ceiling" ? "1" : ceiling?.reqPerSec ? (f.reqPerSec / ceiling.reqPerSec).toFixed(3) : "–",
      );
    }
    lines.push(`| ${cells.join(" | ")} |`);
  };
  row("ceiling", "(node:http, article HTML from memory)", "–", "–", r.ceiling);
  for (const route of r.routes) row(route.name, route.path, route.queries === null ? "–" : String(route.queries), route.cache ?? "–", route.load);
  lines.push("");
  lines.push("Errors count failed requests, time-outs and non-2xx answers. Ratio: the route's req/s over the ceiling's at the same connections. –: no request finished within the run.");
  lines.push("Queries: SQL statements one repeated request sends (COPYDESK_COUNT_QUERIES=1). Cache: Next's x-nextjs-cache answer to that request (–: not from the page cache).");
  lines.push("");
  if (r.edge) {
    const edgeHead = ["route through Varnish"];
    for (const c of m.connections) edgeHead.push(`req/s @${c}`, `p99 @${c}`, `errors @${c}`, `× ceiling @${c}`, `× app @${c}`);
    lines.push(`| ${edgeHead.join(" | ")} |`);
    lines.push(`|---|${edgeHead.slice(1).map(() => "---:").join("|")}|`);
    for (const [name, load] of Object.entries(r.edge.routes)) {
      const app = r.routes.find((route) => route.name === name)?.load ?? {};
      const cells = [name];
      for (const c of m.connections) {
        const f = load[c];
        const ratio = (x: number | undefined) => (x ? (f.reqPerSec / x).toFixed(2) : "–");
        cells.push(String(f.reqPerSec), f.requests ? `${f.p99} ms` : "–", String(f.errors + f.non2xx), ratio(r.ceiling[c]?.reqPerSec), ratio(app[c]?.reqPerSec));
      }
      lines.push(`| ${cells.join(" | ")} |`);
    }
    lines.push("");
    lines.push(`Varnish (deploy/varnish/copydesk.vcl) in front of the same server, in the same run; hit rate over these runs ${(r.edge.hitRate * 100).toFixed(1)} %. × ceiling: over the bare node:http server's req/s; × app: over the route's req/s from the app itself. The load generator runs on the same cores.`);
    lines.push("");
  }
  lines.push("| measure | n | p50 | p95 | max |");
  lines.push("|---|---:|---:|---:|---:|");
  const spreadRow = (name: string, s: Spread) => lines.push(`| ${name} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.max)} |`);
  spreadRow(`cache-miss article page (never requested before; ${r.cacheMiss.queries ?? "–"} queries)`, r.cacheMiss);
  for (const [p, sp] of Object.entries(r.deskPages)) spreadRow(`desk page \`${p}\` (signed in)`, sp);
  spreadRow("autosave round trip (editor's save action over HTTP)", r.autosave);
  spreadRow("publish action (over HTTP)", r.publish.publishAction);
  spreadRow(`publish → visible (polling every ${r.publish.pollIntervalMs} ms)`, r.publish.visible);
  lines.push("");
  if (r.queries?.length) {
    lines.push("| query (db/query-catalog.ts) | for | n | p50 | p95 | max | sequential scans |");
    lines.push("|---|---|---:|---:|---:|---:|---|");
    for (const q of r.queries) lines.push(`| ${q.label} | ${q.audience} | ${q.n} | ${ms(q.p50)} | ${ms(q.p95)} | ${ms(q.max)} | ${q.seqScans.join(", ") || "none"} |`);
    lines.push("");
    lines.push("Each query as its route runs it, straight against PostgreSQL from the bench's process (one connection, a round of every query at a time), with the plan PostgreSQL chose: a sequential scan of a table that grows with the archive is named.");
    lines.push("");
  }
  if (r.sitemaps) {
    const s = r.sitemaps;
    const { atFetch, atCount } = s.newsArticles;
    const newsComplete = s.newsUrls <= atFetch && s.newsUrls >= atCount;
    const complete = s.articleUrls === s.visibleArticles && s.distinctArticleUrls === s.articleUrls && newsComplete;
    const newsWindow = atFetch === atCount ? atCount.toLocaleString("en") : `${atCount.toLocaleString("en")}–${atFetch.toLocaleString("en")} (some left the window while the files were read)`;
    lines.push(
      `Sitemaps (${complete ? "complete" : "**incomplete**"}): ${s.articleUrls.toLocaleString("en")} article addresses (${s.distinctArticleUrls.toLocaleString("en")} distinct) in ${s.articleFiles} files for ${s.visibleArticles.toLocaleString("en")} visible articles; ` +
        `news: ${s.newsUrls.toLocaleString("en")} in ${s.newsFiles} files for ${newsWindow} articles of the last 48 hours; slowest file ${ms(s.slowestMs)}.`,
    );
    lines.push("");
  }
  if (r.live?.length) {
    const first = r.live[0];
    const alone = r.routes.find((route) => route.name === "article")?.load[String(m.connections[0])];
    const how = { poll: "polling /api/live/{id} every second", sse: "on /api/live/{id}/events, asking the JSON when told (and every 15 s)" };
    lines.push(
      `Live blog: ${first.readers} readers hold it open while the desk publishes an entry every ${first.everyMs / 1000} s, ${first.entries} in all; once per way a page learns of entries. ` +
        (alone ? `The article page alone: ${alone.reqPerSec} req/s, p99 ${alone.p99} ms.` : ""),
    );
    lines.push("");
    lines.push("| mode | publish → visible p50 | p95 | max | readers with every entry | JSON requests/s (p95, failed) | server CPU | RSS | article page meanwhile |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const l of r.live) {
      lines.push(
        `| ${how[l.mode]} | ${ms(l.visible.p50)} | ${ms(l.visible.p95)} | ${ms(l.visible.max)} | ${l.readersWithAll}/${l.readers} | ${l.polls.perSec} (${ms(l.polls.latency.p95)}, ${l.polls.failures}) | ${l.server.cpuPercent} % | ${l.server.rssMb} MB | ${l.articleDuring.reqPerSec} req/s, p99 ${l.articleDuring.p99} ms |`,
      );
    }
    lines.push("");
  }
  const w = r.weight;
  lines.push(
    `Article page weight (gzip): HTML ${kb(w.htmlGzip)} (${kb(w.htmlBytes)} raw; inline RSC payload ${kb(w.inlineRscGzip)}), CSS ${kb(w.cssGzip)}, ` +
      `JS ${kb(w.jsGzip)} = framework runtime ${kb(w.frameworkJsGzip)} + our own ${kb(w.ownJsGzip)} (${w.scripts.length} scripts).`,
  );
  return lines.join("\n") + "\n";
}
