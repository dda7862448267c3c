// `npm run load`: a mixed load test. Readers and the desk at the same time on the production
// server: 50 reader connections (autocannon) across article, home, section, tag, author,
// search and feed pages, while 5 desk users (editors and journalists, each signed in, each on
// their own draft) type into it through the co-editing server, as the desk's editor does
// (scripts/load/coeditors.ts). Afterwards, with the server stopped, the database must hold every
// sentence a person was told was saved, and its working copy and stored document must equal
// what each person's document holds. Zero errors allowed anywhere; the exit code says whether it held.
//
//   npm run load                               60 s, 50 readers, 5 editors, on PGlite
//   npm run load -- --seconds 20 --readers 10 --editors 2
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/copydesk_load npm run load
//       PostgreSQL: a fresh database `<that name>_load` is made beside it and dropped after;
//       DATABASE_URL's own database is never touched.
//
//   --articles 1000   published archive (the benchmark's seeder)     --port 3410
//   --think 100-300   ms between two typed sentences                  --timeout 30 (s, for the last stores)
//   --no-build        use the existing build (else it is built when stale)
//   --report file     also write the JSON there (the CI check reads it)
//
// Results: bench/results/<date>-load-<engine>.{json,md}. .env is deliberately not read.
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { buildIfStale } from "./build";
import { round, spread } from "./bench/measure";
import { assertPortFree, killServer, sandbox, startServer, waitReady, type Server } from "./faults/harness";
import * as Y from "yjs";
import { finalCopy, prepareCoeditor, typeUntil, type Coeditor } from "./load/coeditors";
import { sameJson, storedForm } from "./load/plans";
import { seedNewsroom, type ReaderKind } from "./load/newsroom";
import { failuresOf, markdown, type EditorFigures, type LoadResult, type ReaderFigures } from "./load/report";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    readers: { type: "string", default: "50" },
    editors: { type: "string", default: "5" },
    articles: { type: "string", default: "1000" },
    think: { type: "string", default: "100-300" },
    timeout: { type: "string", default: "30" },
    port: { type: "string", default: "3410" },
    report: { type: "string" },
    "no-build": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (flags.help) {
  console.log(fs.readFileSync(new URL(import.meta.url)).toString().split("\n").filter((l) => l.startsWith("//")).join("\n"));
  process.exit(0);
}

const seconds = Number(flags.seconds);
const readerConnections = Number(flags.readers);
const editorCount = Number(flags.editors);
const articleCount = Number(flags.articles);
const thinkMs = flags.think.split("-").map(Number) as [number, number];
const timeoutSeconds = Number(flags.timeout);
const port = Number(flags.port);
for (const [name, value, min] of [["--seconds", seconds, 1], ["--readers", readerConnections, 1], ["--editors", editorCount, 1], ["--articles", articleCount, 50], ["--timeout", timeoutSeconds, 1]] as const) {
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} needs a whole number of at least ${min}`);
}
if (thinkMs.length !== 2 || thinkMs.some((x) => !Number.isInteger(x) || x < 0) || thinkMs[0] > thinkMs[1]) throw new Error("--think needs min-max in ms, e.g. 100-300");

const log = (line: string) => console.log(line);
const started = performance.now();
const loadStart = os.loadavg();

if (!flags["no-build"]) buildIfStale();
const box = await sandbox("load");
let server: Server | undefined;
let exitCode = 1;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void box.dispose().finally(() => process.exit(130)); // the harness kills the server on exit
  });
}
try {
  exitCode = await main();
} catch (error) {
  console.error(`\nload test failed to run: ${(error as Error).stack ?? error}`);
  if (flags.report) fs.writeFileSync(flags.report, JSON.stringify({ failure: `the load test failed to run: ${(error as Error).message}` }));
  if (server) console.error(`server output (last lines):\n${server.output.slice(-30).join("\n")}`);
  if (server) await killServer(server);
} finally {
  await closeDb().catch(() => undefined);
  await box.dispose().catch(() => undefined);
}
process.exit(exitCode);

async function main(): Promise<number> {
  log(`Copydesk mixed load: ${readerConnections} readers + ${editorCount} editors for ${seconds} s on ${box.engine === "pglite" ? "PGlite (a temporary folder)" : `PostgreSQL (${new URL(box.env.DATABASE_URL).pathname.slice(1)})`}`);
  await assertPortFree(port);

  // 1. The archive, the desk people and their drafts, written before the server owns the database.
  const seedStart = performance.now();
  const { editors: plans, readers: mix } = await seedNewsroom({ articles: articleCount, editors: editorCount, log });
  await closeDb();
  log(`Seeded ${articleCount.toLocaleString("en")} articles and ${editorCount} drafts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // 2. The production server on it.
  server = startServer(port, box.env);
  await waitReady(server, 120_000);
  const base = `http://localhost:${port}`;
  log(`Server up on ${base}`);
  for (const m of mix) {
    const res = await fetch(base + m.paths[0], { redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${m.paths[0]} (${m.kind}) answered ${res.status} before the test`);
  }
  const editors: Coeditor[] = [];
  for (const plan of plans) editors.push(await prepareCoeditor(port, plan));
  log(`${editors.length} desk users signed in, drafts open; go`);

  // 3. Readers and editors together, for `seconds`.
  let maxLoad = os.loadavg()[0];
  const sampler = setInterval(() => (maxLoad = Math.max(maxLoad, os.loadavg()[0])), 2000);
  const t0 = performance.now();
  const readersDone = runReaders(base, mix);
  readersDone.catch(() => undefined); // a failure surfaces at the await below, after the editors stop
  const until = t0 + seconds * 1000;
  await Promise.all(editors.map((e, i) => typeUntil(e, until, { seed: 4242 + i, timeoutMs: timeoutSeconds * 1000, thinkMs })));
  const editorSeconds = (performance.now() - t0) / 1000;
  const readers = await readersDone;
  clearInterval(sampler);
  maxLoad = Math.max(maxLoad, os.loadavg()[0]);
  log(`Done: ${readers.requests.toLocaleString("en")} reader requests, ${editors.reduce((n, e) => n + e.tally.acknowledged, 0)} sentences confirmed saved`);

  // 4. Stop the server (PGlite admits one process), then read what the database kept.
  const serverErrors = server.output.filter((l) => /error|⨯|unhandled/i.test(l));
  // What each person's document holds, then the connections close (no change after this).
  const finals = editors.map((e) => ({ copy: finalCopy(e), stateVector: Y.encodeStateVector(e.client.doc) }));
  for (const e of editors) e.client.destroy();
  await killServer(server, "SIGTERM");
  const figures: EditorFigures[] = [];
  for (const [i, e] of editors.entries()) figures.push(await verify(e, finals[i], editorSeconds));
  await closeDb();

  const all = editors.flatMap((e) => e.tally.latencies);
  const sum = (k: "attempts" | "acknowledged" | "errors" | "timeouts" | "lostSaves") => figures.reduce((n, f) => n + f[k], 0);
  const partial = {
    meta: {
      date: new Date().toISOString(),
      engine: box.engine,
      seconds,
      readers: readerConnections,
      editors: editorCount,
      articles: articleCount,
      thinkMs,
      node: process.version,
      cpus: os.cpus().length,
      loadAverage: { start: loadStart.map((x) => round(x, 2)), maxDuring: round(maxLoad, 2), end: os.loadavg().map((x) => round(x, 2)) },
      commit: gitCommit(),
    },
    readers,
    editors: figures,
    totals: {
      attempts: sum("attempts"),
      acknowledged: sum("acknowledged"),
      errors: sum("errors"),
      timeouts: sum("timeouts"),
      lostSaves: sum("lostSaves"),
      savesPerSec: round(sum("acknowledged") / editorSeconds, 1),
      latency: spread(all),
    },
    serverErrors,
  };
  const failures = failuresOf(partial);
  const result: LoadResult = { ...partial, failures, failure: failures.length ? failures.join("; ") : null };

  const report = markdown(result);
  const outDir = path.resolve("bench/results");
  fs.mkdirSync(outDir, { recursive: true });
  const stem = path.join(outDir, `${result.meta.date.replace(/[:.]/g, "-")}-load-${box.engine}`);
  fs.writeFileSync(`${stem}.json`, JSON.stringify(result, null, 2));
  fs.writeFileSync(`${stem}.md`, report);
  if (flags.report) fs.writeFileSync(flags.report, JSON.stringify(result, null, 2));
  console.log("\n" + report);
  log(`Written to ${path.relative(process.cwd(), stem)}.{json,md} — whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return failures.length ? 1 : 0;
}

/** The readers, in a worker thread (see scripts/load/readers.mjs). */
function runReaders(base: string, mix: ReaderKind[]): Promise<ReaderFigures> {
  const worker = new Worker(new URL("./load/readers.mjs", import.meta.url), {
    workerData: { base, connections: readerConnections, seconds, timeoutSeconds, seed: 20261124, mix },
  });
  return new Promise((resolve, reject) => {
    worker.once("message", (m: { result?: ReaderFigures; error?: string }) => {
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new Error(`readers: ${m.error}`));
    });
    worker.once("error", reject);
  });
}

/** What the database kept of one person's typing, read with the server stopped. */
async function verify(e: Coeditor, final: { copy: ReturnType<typeof finalCopy>; stateVector: Uint8Array }, editorSeconds: number): Promise<EditorFigures> {
  const db = await getDb();
  const rows = async (q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  const t = e.tally;
  const [article] = await rows(sql`select body from articles where id = ${t.articleId}`);
  const [stored] = await rows(sql`select state from article_collab_states where article_id = ${t.articleId}`);
  const tags = await rows(sql`select t.name from article_tags x join tags t on t.id = x.tag_id where x.article_id = ${t.articleId} order by x.position`);
  const storedText = JSON.stringify(article?.body ?? null);
  let stateMatches = false;
  if (stored?.state) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored.state as Uint8Array);
    stateMatches = Buffer.from(Y.encodeStateVector(doc)).equals(Buffer.from(final.stateVector));
  }
  return {
    email: t.email,
    articleId: t.articleId,
    attempts: t.attempts,
    acknowledged: t.acknowledged,
    errors: t.errors,
    timeouts: t.timeouts,
    savesPerSec: t.acknowledged / editorSeconds,
    latency: spread(t.latencies),
    lostSaves: t.saved.filter((marker) => !storedText.includes(marker)).length,
    bodyMatches: Boolean(article) && sameJson(article.body, storedForm(final.copy.body)),
    stateMatches,
    tagsMatch: sameJson(tags.map((r) => r.name), final.copy.tags),
    firstErrors: t.firstErrors,
  };
}

function gitCommit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}
