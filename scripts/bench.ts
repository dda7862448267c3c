// `npm run bench`: seeds a fresh archive, starts the production server on it and measures the
// reader pages against a ceiling (a bare node:http server returning the same article HTML
// from memory), plus publish → visible, autosave, cache misses, page weight and queries.
//
//   npm run bench                      10,000 articles on PGlite (data/bench), 10 s runs
//   npm run bench -- --quick           1,000 articles, 3 s runs, fewer samples (< 2 minutes)
//   npm run bench -- --articles 100000
//   DATABASE_URL=postgres://…/copydesk_bench npm run bench
//       PostgreSQL: the database's public schema is DROPPED and re-created. The bench refuses
//       a database that holds tables it did not make, unless you add --force.
//
//   --seed-only      seed the archive and stop (measure it later with --reuse: a million
//                    articles take minutes to seed)
//   --only article,home,section,tag,author,search,feed,live-poll,media   measure some routes only
//                    (media: a photo uploaded through the desk, its 960-pixel WebP rendition)
//   --readers 1000   the live-blog case: readers holding a live blog open while an entry is
//                    published every 10 s (--quick: 200 readers, every 5 s), once polling every
//                    second and once on the event stream (as the reader page does); publish →
//                    visible on every open page, the server's CPU and memory, and the article
//                    page's throughput meanwhile (scripts/bench/live.ts).
//                    --readers 0 leaves the case out
//   --collab         co-editing only (scripts/bench/collab.ts): remote echo with 2/5/10 co-editors,
//                    keystroke → DOM at 10,000/30,000 words, memory and CPU per open document,
//                    stores per minute; on a throw-away database of its own
//   --edge varnish   also the cached routes through Varnish (deploy/varnish/copydesk.vcl, xkey;
//                    Debian's varnish + varnish-modules) in front of the same server, beside the
//                    ceiling in the same run; the server purges it as production would
//
// Results: bench/results/<date>-<engine>-<articles>.{json,md}. .env is deliberately not read.
import { execSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIfStale } from "./build";
import { DeskClient } from "./bench/desk";
import { autosaveRoundTrips, load, pageWeight, publishToVisible, queriesFor, spread, timedGet, type LoadFigures } from "./bench/measure";
import { liveBench } from "./bench/live";
import { checkSitemaps, timeQueryCatalog } from "./bench/queries";
import { markdown, type BenchResult, type RouteResult } from "./bench/report";
import { killAll, startProcess, waitUntilIdle } from "./bench/server";
import { startVarnish, type Varnish } from "../e2e/edge/varnish";
import type { SeedInfo } from "./bench/seed";

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    articles: { type: "string" },
    seconds: { type: "string" },
    warmup: { type: "string" },
    connections: { type: "string", default: "10,50" },
    port: { type: "string", default: process.env.BENCH_PORT ?? "3400" },
    reuse: { type: "boolean", default: false },
    "seed-only": { type: "boolean", default: false },
    force: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    only: { type: "string" },
    edge: { type: "string" },
    collab: { type: "boolean", default: false },
    readers: { type: "string" },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.log(fs.readFileSync(new URL(import.meta.url)).toString().split("\n").filter((l) => l.startsWith("//")).join("\n"));
  process.exit(0);
}

const quick = flags.quick;
const articles = Number(flags.articles ?? (quick ? 1000 : 10_000));
const seconds = Number(flags.seconds ?? (quick ? 3 : 10));
const warmupSeconds = Number(flags.warmup ?? (quick ? 1 : 2));
const connections = flags.connections.split(",").map(Number);
const port = Number(flags.port);
const samples = quick ? { miss: 10, autosave: 10, publish: 5, desk: 5 } : { miss: 30, autosave: 40, publish: 20, desk: 20 };
const databaseUrl = process.env.DATABASE_URL?.trim() || undefined;
const engine = databaseUrl ? ("postgres" as const) : ("pglite" as const);
const benchDir = path.resolve("data/bench");
const distDir = process.env.COPYDESK_DIST_DIR || ".next";
if (!Number.isInteger(articles) || articles < 50) throw new Error("--articles needs a whole number of at least 50");
if (flags.edge !== undefined && flags.edge !== "varnish") throw new Error(`--edge takes "varnish" (the only edge that runs here), not "${flags.edge}"`);

const log = (line: string) => console.log(line);
const started = performance.now();
const loadAverageAtStart = os.loadavg();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });
}

try {
  if (flags.collab) await collab();
  else await main();
} catch (error) {
  killAll();
  console.error(`\nbench failed: ${(error as Error).message}`);
  process.exit(1);
}

async function collab() {
  log(`Copydesk co-editing bench on ${engine === "pglite" ? "PGlite" : "PostgreSQL"}${quick ? ", quick" : ""}`);
  if (!flags["no-build"]) buildIfStale();
  const { collabBench } = await import("./bench/collab");
  await collabBench({ port, seconds, log, resultsDir: path.resolve("bench/results") });
  log(`Done in ${Math.round((performance.now() - started) / 1000)} s (load average at start ${loadAverageAtStart.map((x) => x.toFixed(2)).join(", ")})`);
}

async function main() {
  log(`Copydesk bench: ${articles.toLocaleString("en")} articles on ${engine === "pglite" ? "PGlite (data/bench)" : "PostgreSQL"}${quick ? ", quick" : ""}`);
  if (!flags["no-build"]) buildIfStale();

  // 1. A fresh database with the archive (or the previous run's, with --reuse).
  process.env.COPYDESK_DATA_DIR = benchDir;
  // Per database: an archive seeded in another database must not be taken for this one's
  // (a 10,000-article run on a scratch database once made --reuse reseed a million elsewhere).
  const infoFile = path.join(benchDir, `seed-${engine === "postgres" ? `postgres-${new URL(databaseUrl!).pathname.slice(1) || "default"}` : engine}.json`);
  let info: SeedInfo | null = null;
  let seeded: BenchResult["seed"] = null;
  if (flags.reuse && fs.existsSync(infoFile)) {
    info = JSON.parse(fs.readFileSync(infoFile, "utf8")) as SeedInfo;
    if (info.articles !== articles || !info.live) info = null; // (older archives have no live blog)
    else {
      log(`Reusing the archive of the previous run (${infoFile}, seeded in ${info.seconds.toFixed(1)} s)`);
      seeded = { seconds: info.seconds, approvedComments: info.approvedComments, reused: true };
    }
  }
  if (!info) {
    if (engine === "pglite") fs.rmSync(benchDir, { recursive: true, force: true });
    else await resetPostgres(databaseUrl!);
    fs.mkdirSync(benchDir, { recursive: true });
    log("Seeding…");
    // Imported here: the data layer reads COPYDESK_DATA_DIR when it first opens the database.
    const { seedArchive } = await import("./bench/seed");
    const { closeDb } = await import("@/db/client");
    info = await seedArchive(articles, (line) => log(line));
    await closeDb(); // PGlite admits one process: the server's, from here on
    fs.writeFileSync(infoFile, JSON.stringify(info, null, 2));
    seeded = { seconds: info.seconds, approvedComments: info.approvedComments };
    log(`Seeded ${articles.toLocaleString("en")} articles in ${info.seconds.toFixed(1)} s (load average ${os.loadavg().map((x) => x.toFixed(2)).join(", ")})`);
  }
  if (flags["seed-only"]) return;

  // 2. The production server on that database, in its own process group (with --edge, Varnish
  // in front of it first: the server purges it and gives tagged pages the edge's long s-maxage).
  let varnish: Varnish | null = null;
  if (flags.edge === "varnish") {
    varnish = await startVarnish(port + 2, [port]);
    log(`Varnish up on ${varnish.url}`);
  }
  const server = await startProcess({
    name: "copydesk server",
    // What `npm start` serves: Next behind the reader front cache.
    args: [path.resolve("scripts/serve.mjs"), "-p", String(port)],
    env: {
      ...process.env,
      NODE_ENV: "production",
      COPYDESK_DATA_DIR: benchDir,
      AUTH_SECRET: crypto.randomBytes(33).toString("base64"),
      AUTH_TRUST_HOST: "true",
      COPYDESK_COUNT_QUERIES: "1",
      PORT: String(port),
      ...(varnish ? { COPYDESK_PURGE_VARNISH: varnish.url } : {}),
    },
    port,
    logFile: path.join(benchDir, "server.log"),
  });
  const base = server.url;
  log(`Server up on ${base} (pid ${server.pid})`);
  let ceilingStop: (() => Promise<void>) | null = null;
  try {
    // The live blog's revision now (a reused archive has earlier runs' entries): what an
    // up-to-date reader's poll names, here and in the live-blog case.
    const liveRevision = Number((JSON.parse((await timedGet(`${base}/api/live/${info.live.id}?since=0`)).body) as { revision: number }).revision);
    const allRoutes: Omit<RouteResult, "queries" | "cache" | "load">[] = [
      { name: "article", path: info.articlePath },
      { name: "home", path: "/" },
      { name: "section", path: `/${info.sectionSlug}` },
      { name: "tag", path: `/tags/${info.tagSlug}` },
      { name: "author", path: `/authors/${info.authorSlug}` },
      { name: "search", path: `/search?q=${encodeURIComponent(info.searchWord)}` },
      { name: "feed", path: "/feeds/rss.xml" },
      // A reader's poll of the live blog (public/live.js, once a second per open page).
      { name: "live-poll", path: `/api/live/${info.live.id}?since=${liveRevision}` },
    ];
    const only = flags.only?.split(",").map((x) => x.trim());
    const routes = only ? allRoutes.filter((r) => only.includes(r.name)) : allRoutes;
    // Every route answers 200 before anything is timed (and is rendered once).
    for (const r of routes) {
      const res = await timedGet(base + r.path);
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}`);
    }

    // 3. Queries per page (a repeated request), then page weight.
    const results: RouteResult[] = [];
    for (const r of routes) results.push({ ...r, ...(await queriesFor(base, r.path)), load: {} });
    const articleHtml = (await timedGet(base + info.articlePath)).body;
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles: string[] };
    const weight = await pageWeight(base, articleHtml, new Set([...manifest.rootMainFiles, ...manifest.polyfillFiles]));

    // 4. Cache misses: articles nobody asked for yet.
    const missTimes: number[] = [];
    const missQueries = (await queriesFor(base, info.freshPaths[0])).queries;
    // Warm-up: the first renders of a route in a fresh process are slower (code not yet
    // optimised); misses on the remaining fresh articles, untimed, come first.
    for (const p of info.freshPaths.slice(1 + samples.miss)) await timedGet(base + p);
    for (const p of info.freshPaths.slice(1, 1 + samples.miss)) {
      const res = await timedGet(base + p);
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      missTimes.push(res.ms);
    }
    const cacheMiss = { ...spread(missTimes), queries: missQueries };
    log(`Cache-miss article page: p50 ${cacheMiss.p50} ms, max ${cacheMiss.max} ms`);

    // 5. The desk: autosave round trips and publish → visible, signed in as the editor.
    const desk = new DeskClient(base, distDir);
    await desk.signIn(info.editor.email, info.editor.password);
    // The desk on a big archive: the dashboard and the editor page, signed in, one at a time.
    const deskPages: BenchResult["deskPages"] = {};
    // The dashboard, the article list filtered three ways (published, a word in headlines, a
    // page deep in the archive), and the editor page.
    const deskPaths = ["/desk", "/desk?status=published", `/desk?q=${encodeURIComponent(info.searchWord)}`, "/desk?status=published&page=400", `/desk/articles/${info.publishArticle.id}`];
    // Then "next page" from page 400, as the desk's link goes there: by the cursor of its last row.
    const nextLink = /href="(\/desk\?[^"]*after=[^"]*)"/.exec((await desk.page("/desk?status=published&page=400")).html)?.[1];
    if (nextLink) deskPaths.push(nextLink.replace(/&amp;/g, "&"));
    for (const p of deskPaths) {
      const times: number[] = [];
      for (let i = 0; i < samples.desk; i++) times.push(await desk.timedPage(p));
      deskPages[p] = spread(times);
    }
    // On PostgreSQL: every reader query's plan and time, straight against the database, and
    // the sitemaps as a crawler reads them (scripts/bench/queries.ts).
    let queryTimes: BenchResult["queries"] = null;
    let sitemaps: BenchResult["sitemaps"] = null;
    if (databaseUrl) {
      queryTimes = await timeQueryCatalog(databaseUrl, info, quick ? 20 : 100);
      const slowest = queryTimes.filter((q) => q.audience === "reader").sort((a, b) => b.p95 - a.p95)[0];
      log(`Reader queries: ${queryTimes.length} timed, slowest p95 ${slowest.p95} ms (${slowest.label}); sequential scans: ${queryTimes.filter((q) => q.seqScans.length).map((q) => q.label).join(", ") || "none"}`);
      sitemaps = await checkSitemaps(base, databaseUrl);
      log(`Sitemaps: ${sitemaps.articleUrls} article addresses in ${sitemaps.articleFiles} files for ${sitemaps.visibleArticles} visible articles; news ${sitemaps.newsUrls} in ${sitemaps.newsFiles} files for ${sitemaps.newsArticles.atCount}–${sitemaps.newsArticles.atFetch}`);
    }
    // Media: a photo uploaded through the desk; its 960-pixel rendition (the size an article's
    // lead shows) joins the routes measured below, through Varnish too with --edge.
    if (!only || only.includes("media")) {
      const renditions = await desk.uploadImage("bench-photo.jpg", await benchPhoto(), "image/jpeg");
      const mediaPath = renditions.find((p) => p.endsWith("/w960.webp")) ?? renditions[renditions.length - 1];
      const first = await timedGet(base + mediaPath);
      if (first.status !== 200) throw new Error(`${mediaPath} answered ${first.status}`);
      results.push({ name: "media", path: mediaPath, ...(await queriesFor(base, mediaPath)), load: {} });
    }
    const autosave = await autosaveRoundTrips(desk, info.publishArticle.id, samples.autosave);
    log(`Autosave round trip: p50 ${autosave.p50} ms, p95 ${autosave.p95} ms`);
    const publish = await publishToVisible(desk, base, info.publishArticle.id, info.publishArticle.path, samples.publish);
    log(`Publish → visible: p50 ${publish.visible.p50} ms, max ${publish.visible.max} ms`);

    // 6. Throughput: the ceiling first, then each route, at each connection count.
    const htmlFile = path.join(benchDir, "ceiling.html");
    fs.writeFileSync(htmlFile, articleHtml);
    const ceilingPort = port + 1;
    const ceilingServer = await startProcess({
      name: "ceiling server",
      args: [path.resolve("scripts/bench/ceiling-server.mjs"), String(ceilingPort), htmlFile],
      env: process.env,
      port: ceilingPort,
      logFile: path.join(benchDir, "ceiling.log"),
      timeoutMs: 10_000,
    });
    ceilingStop = ceilingServer.stop;
    await waitUntilIdle(server.pid);
    const ceiling: Record<string, LoadFigures> = {};
    for (const c of connections) {
      ceiling[c] = await load(ceilingServer.url + "/", c, seconds, warmupSeconds);
      log(`  ceiling @${c}: ${ceiling[c].reqPerSec} req/s, p99 ${ceiling[c].p99} ms`);
      for (const r of results) {
        r.load[c] = await load(base + r.path, c, seconds, warmupSeconds, () => waitUntilIdle(server.pid));
        const f = r.load[c];
        // An overloaded run leaves requests queued in the server: let it finish them first.
        const waited = await waitUntilIdle(server.pid);
        if (waited > 2000) log(`    (the server needed ${(waited / 1000).toFixed(1)} s to work off queued requests)`);
        log(`  ${r.name.padEnd(9)} @${c}: ${f.reqPerSec} req/s (${(f.reqPerSec / ceiling[c].reqPerSec).toFixed(3)} of ceiling), p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors + f.non2xx}`);
      }
    }

    // 7. With --edge: the same routes through Varnish (search is passed to the app: per visitor).
    let edge: BenchResult["edge"] = null;
    if (varnish) {
      const routesAtEdge: Record<string, Record<string, LoadFigures>> = {};
      const before = varnish.stats();
      for (const r of results.filter((route) => route.name !== "search")) {
        routesAtEdge[r.name] = {};
        for (const c of connections) {
          await timedGet(varnish.url + r.path); // in Varnish before the run
          routesAtEdge[r.name][c] = await load(varnish.url + r.path, c, seconds, warmupSeconds);
          const f = routesAtEdge[r.name][c];
          log(`  varnish ${r.name.padEnd(9)} @${c}: ${f.reqPerSec} req/s (${(f.reqPerSec / ceiling[c].reqPerSec).toFixed(2)}× the ceiling, ${(f.reqPerSec / Math.max(1, r.load[c]?.reqPerSec ?? 0)).toFixed(1)}× the app), p99 ${f.p99} ms, errors ${f.errors + f.non2xx}`);
        }
      }
      const after = varnish.stats();
      const hits = after.hits - before.hits;
      const misses = after.misses - before.misses;
      edge = { name: "varnish", routes: routesAtEdge, hitRate: hits + misses ? hits / (hits + misses) : 0 };
    }

    // 8. The live blog: readers holding it open while the desk publishes entries.
    const readers = Number(flags.readers ?? (quick ? 200 : 1000));
    let live: BenchResult["live"] = null;
    if (readers > 0 && (!only || only.includes("live"))) {
      live = [];
      // The same readers and entries once for each way a page learns of entries (scripts/bench/live.ts).
      for (const mode of ["poll", "sse"] as const) {
        await waitUntilIdle(server.pid);
        live.push(
          await liveBench({
            base,
            desk,
            mode,
            live: { id: info.live.id },
            articlePath: info.articlePath,
            serverPgid: server.pid,
            readers,
            entries: quick ? 3 : 6,
            everyMs: quick ? 5000 : 10_000,
            connections: connections[0],
            log,
          }),
        );
      }
    }

    const result: BenchResult = {
      meta: {
        date: new Date().toISOString(),
        engine,
        articles,
        quick,
        seconds,
        warmupSeconds,
        connections,
        node: process.version,
        cpus: os.cpus().length,
        loadAverageAtStart,
        loadAverageAtEnd: os.loadavg(),
        commit: gitCommit(),
      },
      seed: seeded,
      ceiling,
      routes: results,
      cacheMiss,
      deskPages,
      queries: queryTimes,
      sitemaps,
      autosave,
      publish,
      weight,
      edge,
      live,
    };
    const report = markdown(result);
    const outDir = path.resolve("bench/results");
    fs.mkdirSync(outDir, { recursive: true });
    const stem = path.join(outDir, `${result.meta.date.replace(/[:.]/g, "-")}-${engine}-${articles}${quick ? "-quick" : ""}`);
    fs.writeFileSync(`${stem}.json`, JSON.stringify(result, null, 2));
    fs.writeFileSync(`${stem}.md`, report);
    console.log("\n" + report);
    log(`Written to ${path.relative(process.cwd(), stem)}.{json,md} — whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (ceilingStop) await ceilingStop();
    await server.stop();
    varnish?.stop();
  }
}

/**
 * A fresh schema on PostgreSQL, as the e2e server makes one. Refuses a database holding
 * tables that an earlier bench did not make (the schema comment marks the bench's own).
 */
async function resetPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: number; note: string | null }>(
      "select (select count(*)::int from information_schema.tables where table_schema = 'public') as tables, obj_description('public'::regnamespace, 'pg_namespace') as note",
    );
    if (rows[0].tables > 0 && rows[0].note !== "copydesk bench" && !flags.force) {
      throw new Error(
        `${new URL(url).pathname.slice(1)} already has ${rows[0].tables} tables that the bench did not make. ` +
          "The bench drops the public schema: point DATABASE_URL at a throw-away database, or add --force.",
      );
    }
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await client.query("comment on schema public is 'copydesk bench'");
  } finally {
    await client.end();
  }
}

function gitCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * A photo-like JPEG, 1600 × 1067: smooth gradients with fine grain, so its renditions weigh what
 * a news photo's do (the 960-pixel WebP ~50–100 KB; pure noise made it 240 KB, which measured
 * the loopback more than the route).
 */
async function benchPhoto(): Promise<Uint8Array> {
  const { default: sharp } = await import("sharp");
  const width = 1600;
  const height = 1067;
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = ((x * 7919 + y * 104729) % 13) - 6;
      raw[i] = Math.max(0, Math.min(255, 40 + (x * 150) / width + grain));
      raw[i + 1] = Math.max(0, Math.min(255, 90 + (y * 100) / height + 30 * Math.sin(x / 90) + grain));
      raw[i + 2] = Math.max(0, Math.min(255, 160 - (y * 80) / height + 20 * Math.cos((x + y) / 140) + grain));
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 88 }).toBuffer();
}
