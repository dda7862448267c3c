// `npm run lighthouse`: Lighthouse 12 (mobile preset: a mid-range phone on a slow 4G link,
// simulated throttling) on every reader page type, against the production server on the demo
// newsroom, printed as a table with the machine's load average beside each run. Measured, never
// asserted: scores move with what else the machine is doing.
//
//   npm run lighthouse                  # fresh demo in data/lighthouse (plus an archive for a list page 2
//                                       # and an unpublished article for the 410), server on port 3450
//   npm run lighthouse -- --url http://localhost:4700   # a server that is already running
//   npm run lighthouse -- --only article,home --runs 3   # median of three runs per page
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const { values: flags } = parseArgs({
  options: {
    url: { type: "string" },
    port: { type: "string", default: "3450" },
    only: { type: "string" },
    runs: { type: "string", default: "1" },
  },
});

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const DRESSED = "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden";

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/** A GET that tries again when a kept-alive socket was closed under it (busy machines). */
async function get(url: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

let server: ChildProcess | null = null;
let base = flags.url?.replace(/\/$/, "");
/** The address of an unpublished article (410 Gone): known only on the demo this script seeds. */
let gonePath: string | null = null;
if (!base) {
  const dataDir = "data/lighthouse";
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  base = `http://localhost:${flags.port}`;
  console.log(`Seeding the demo and an archive into ${dataDir} …`);
  Object.assign(process.env, { COPYDESK_DATA_DIR: dataDir, DATABASE_URL: "" });
  const { seedLighthouseDemo } = await import("./lighthouse-demo");
  gonePath = (await seedLighthouseDemo()).gone;
  console.log(`Starting the production server at ${base} …`);
  server = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts", "--no-build", "--port", flags.port!], {
    env: { ...process.env, COPYDESK_DATA_DIR: dataDir, DATABASE_URL: "", COPYDESK_SITE_URL: base, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  await waitFor(`${base}/signin`);
}

/**
 * Addresses found on the demo itself: a tag, an author, page 2 of the front page's list. The 404
 * and 410 are measured too (ignoreStatusCode: Lighthouse otherwise refuses an error answer).
 */
async function pages(): Promise<[string, string][]> {
  const article = await (await get(base + DRESSED)).text();
  const tag = /href="(\/tags\/[a-z0-9-]+)"/.exec(article)?.[1] ?? "/tags/verkehr";
  const author = /href="(\/authors\/[a-z0-9-]+)"/.exec(article)?.[1] ?? "/authors/lena-kaempfer";
  const list: [string, string][] = [
    ["article", DRESSED],
    ["home", "/"],
    ["section", "/politik"],
    ["tag", tag],
    ["author", author],
    ["search", "/search?q=Hafen"],
    ["list page N", "/p/2"],
    ["community standards", "/community-standards"],
    ["imprint", "/impressum"],
    ["404", "/politik/gibt-es-nicht"],
    ...(gonePath ? [["410", gonePath] as [string, string]] : []),
  ];
  const only = flags.only?.split(",").map((s) => s.trim());
  return only ? list.filter(([name]) => only.includes(name) || only.includes(name.split(" ")[0])) : list;
}

type Row = { name: string; path: string; status: number; scores: Record<string, number>; lcp: number; tbt: number; cls: number; jsKb: number; load: number; spread?: string };

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
const rows: Row[] = [];
try {
  for (const [name, pagePath] of await pages()) {
    const url = base + pagePath;
    // Readers get cached pages: ask twice first, so the measured load is the one they get.
    let status = 0;
    for (let i = 0; i < 2; i++) status = (await get(url)).status;
    const runs: Row[] = [];
    for (let r = 0; r < Number(flags.runs); r++) {
      const load = os.loadavg()[0];
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES], ignoreStatusCode: true });
      const lhr = result!.lhr;
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
      const scripts = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
      runs.push({
        name,
        path: pagePath,
        status,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])),
        lcp: audit("largest-contentful-paint"),
        tbt: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        jsKb: scripts.filter((s) => s.resourceType === "Script").reduce((sum, s) => sum + (s.transferSize ?? 0), 0) / 1024,
        load,
      });
    }
    runs.sort((a, b) => a.scores.performance - b.scores.performance);
    // The median run, with the range of Performance over all runs: on a shared machine that range is the noise.
    const row = { ...runs[Math.floor(runs.length / 2)], spread: `${runs[0].scores.performance}–${runs[runs.length - 1].scores.performance}` };
    rows.push(row);
    console.log(`${name.padEnd(20)} ${CATEGORIES.map((c) => String(row.scores[c]).padStart(4)).join("")}  LCP ${(row.lcp / 1000).toFixed(1)} s  TBT ${Math.round(row.tbt)} ms  JS ${row.jsKb.toFixed(1)} KB  load ${row.load.toFixed(1)}`);
  }
} finally {
  await chrome.kill();
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
}

const table = [
  `| page | status | Performance (median of ${flags.runs}; range) | Accessibility | Best practices | SEO | LCP | TBT | CLS | JS (transfer) | load avg (1 min) |`,
  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map(
    (r) =>
      `| ${r.name} (\`${r.path}\`) | ${r.status} | ${r.scores.performance}${Number(flags.runs) > 1 ? ` (${r.spread})` : ""} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${(r.lcp / 1000).toFixed(1)} s | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${r.jsKb.toFixed(1)} KB | ${r.load.toFixed(1)} |`,
  ),
].join("\n");
console.log(`\nLighthouse 12 (mobile preset, simulated throttling), ${new Date().toISOString()}, ${os.cpus().length} cores\n\n${table}`);
fs.mkdirSync("bench/results", { recursive: true });
const file = path.join("bench/results", `lighthouse-${new Date().toISOString().replace(/[:.]/g, "-")}.md`);
fs.writeFileSync(file, `# Lighthouse (mobile preset)\n\n${table}\n`);
console.log(`\nWritten to ${file}`);
