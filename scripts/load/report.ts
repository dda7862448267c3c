// The load test's result: one JSON shape, printed and written as Markdown.
import type { Spread } from "../bench/measure";
import type { CoeditorTally } from "./coeditors";

export type ReaderFigures = {
  requests: number;
  responses: number;
  reqPerSec: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p99: number;
  max: number;
  bytesPerSec: number;
  byKind: Record<string, { requests: number; non2xx: number; p50: number | null; p99: number | null; max: number | null }>;
  failures: { path: string; status: number }[];
};

/** A co-editor's tally as counted during the run, then checked against the database. */
export type EditorFigures = Pick<CoeditorTally, "email" | "articleId" | "attempts" | "acknowledged" | "errors" | "timeouts" | "firstErrors"> & {
  savesPerSec: number;
  /** Typed → told saved (the server stores after 1 s of quiet, at most every 5 s). */
  latency: Spread;
  /** From the database after the server stopped: sentences the person was told were saved but the stored text lacks. */
  lostSaves: number;
  /** The stored working copy's body, the stored document and the tags equal what the person's document holds. */
  bodyMatches: boolean;
  stateMatches: boolean;
  tagsMatch: boolean;
};

export type LoadResult = {
  meta: {
    date: string;
    engine: "pglite" | "postgres";
    seconds: number;
    readers: number;
    editors: number;
    articles: number;
    thinkMs: [number, number];
    node: string;
    cpus: number;
    loadAverage: { start: number[]; maxDuring: number; end: number[] };
    commit: string;
  };
  readers: ReaderFigures;
  editors: EditorFigures[];
  totals: { attempts: number; acknowledged: number; errors: number; timeouts: number; lostSaves: number; savesPerSec: number; latency: Spread };
  serverErrors: string[];
  failures: string[];
  failure: string | null;
};

/** Everything that makes the run fail: any error a reader or an editor saw, any lost save. */
export function failuresOf(r: Omit<LoadResult, "failures" | "failure">): string[] {
  const out: string[] = [];
  const rd = r.readers;
  if (rd.requests === 0) out.push("readers made no requests");
  if (rd.non2xx) out.push(`readers got ${rd.non2xx} non-2xx answers (e.g. ${rd.failures.slice(0, 3).map((f) => `${f.status} ${f.path}`).join(", ")})`);
  if (rd.errors) out.push(`readers had ${rd.errors} connection errors`);
  if (rd.timeouts) out.push(`readers had ${rd.timeouts} timeouts`);
  for (const e of r.editors) {
    const who = `${e.email} (article ${e.articleId})`;
    if (e.acknowledged === 0) out.push(`${who}: no sentence was confirmed saved`);
    for (const k of ["errors", "timeouts"] as const) if (e[k]) out.push(`${who}: ${e[k]} ${k} (${e.firstErrors.join(" | ")})`);
    if (e.lostSaves) out.push(`${who}: ${e.lostSaves} sentences confirmed saved are missing from the database`);
    if (!e.bodyMatches) out.push(`${who}: the stored text is not what the person's document holds`);
    if (!e.stateMatches) out.push(`${who}: the stored document is not the person's`);
    if (!e.tagsMatch) out.push(`${who}: the stored tags are not the document's`);
  }
  if (r.serverErrors.length) out.push(`the server logged ${r.serverErrors.length} errors: ${r.serverErrors.slice(0, 3).join(" | ")}`);
  return out;
}

const ms = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? "–" : `${Math.round(x)}`);

export function markdown(r: LoadResult): string {
  const m = r.meta;
  const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" / ");
  const lines = [
    `# Copydesk mixed load — ${m.engine === "pglite" ? "PGlite" : "PostgreSQL"}, ${m.readers} readers + ${m.editors} editors, ${m.seconds} s`,
    "",
    `${m.date} · commit ${m.commit} · ${m.articles.toLocaleString("en")} published articles · Node ${m.node} · ${m.cpus} CPUs · ` +
      `load average (1/5/15 min) at start ${la(m.loadAverage.start)}, highest 1-min during ${m.loadAverage.maxDuring.toFixed(2)}, at end ${la(m.loadAverage.end)}`,
    "",
    `**${r.failures.length === 0 ? "PASS" : "FAIL"}**${r.failures.length ? ":\n\n" + r.failures.map((f) => `- ${f}`).join("\n") : ""}`,
    "",
    "## Readers",
    "",
    `${r.readers.requests.toLocaleString("en")} requests, ${r.readers.reqPerSec} req/s, p50 ${r.readers.p50} ms, p99 ${r.readers.p99} ms, max ${r.readers.max} ms; ` +
      `non-2xx ${r.readers.non2xx}, errors ${r.readers.errors}, timeouts ${r.readers.timeouts}`,
    "",
    "| page kind | responses | non-2xx | p50 ms | p99 ms | max ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...Object.entries(r.readers.byKind).map(([k, f]) => `| ${k} | ${f.requests.toLocaleString("en")} | ${f.non2xx} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.max)} |`),
    "",
    "## Editors (co-editing connections, a sentence every " + `${m.thinkMs[0]}–${m.thinkMs[1]} ms)`,
    "",
    "| desk user | article | sentences | confirmed saved | per s | p50 ms | p95 ms | max ms | errors | timeouts | DB = document | lost |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ...r.editors.map(
      (e) =>
        `| ${e.email} | ${e.articleId} | ${e.attempts} | ${e.acknowledged} | ${e.savesPerSec.toFixed(1)} | ${ms(e.latency.p50)} | ${ms(e.latency.p95)} | ${ms(e.latency.max)} | ${e.errors} | ${e.timeouts} | ` +
        `${e.bodyMatches && e.stateMatches && e.tagsMatch ? "yes" : "**no**"} | ${e.lostSaves} |`,
    ),
    `| **all** | | ${r.totals.attempts} | ${r.totals.acknowledged} | ${r.totals.savesPerSec.toFixed(1)} | ${ms(r.totals.latency.p50)} | ${ms(r.totals.latency.p95)} | ${ms(r.totals.latency.max)} | ${r.totals.errors} | ${r.totals.timeouts} | | ${r.totals.lostSaves} |`,
    "",
    "Latency: a sentence typed → the server's `saved` message covering it (the server stores after 1 s of quiet, at most every 5 s while someone types).",
    "“DB = document”: with the server stopped, the stored working copy (body, tags) and the stored Yjs document equal what the person's document holds; “lost”: sentences confirmed saved that the stored text lacks.",
    "",
  ];
  if (r.serverErrors.length) lines.push("## Server errors", "", "```", ...r.serverErrors.slice(0, 20), "```", "");
  return lines.join("\n");
}
