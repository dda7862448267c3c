// A scheduled article whose time passes while the server is down appears as soon as it is
// back up. An editor schedules an article a few seconds ahead (to the second, as a
// datetime-local value with seconds); readers ask for it too early (404,
// not on the home or section page — and whatever caches those answers is now warm); the
// server stops; the time passes; the server starts, and the very first reader requests show
// the article on its own page, the home page, its section page and the feed.
//
//   npx tsx --conditions=react-server scripts/faults/scheduled-while-down.ts [--port 3109] [--report file.json]
// Temporary PGlite folder, or with DATABASE_URL a fresh database beside it. Needs a production build.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, getHandle } from "@/db/client";
import { toNewsroomWallClock } from "@/lib/dates";
import { DEMO_PASSWORD } from "../env";
import { assertPortFree, DeskClient, killServer, sandbox, seedNewsroom, sleep, startServer, waitReady, type Server } from "./harness";

const { values } = parseArgs({ options: { port: { type: "string" }, report: { type: "string" }, margin: { type: "string", default: "10" } } });
const PORT = Number(values.port ?? Number(process.env.E2E_PORT || 3100) + 9) // e2e/ports.ts;
// Time the desk needs between choosing the minute and the server being down, on a slow machine.
const MARGIN_MS = Number(values.margin) * 1000;

function fail(message: string): never {
  throw new Error(message);
}

async function get(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://localhost:${PORT}${path}`, { redirect: "manual" });
  return { status: res.status, body: await res.text() };
}

const started = Date.now();
const box = await sandbox("scheduled-down");
let server: Server | undefined;
let failure: string | null = null;
const report: Record<string, unknown> = { engine: box.engine };
try {
  await assertPortFree(PORT);
  await seedNewsroom(box);
  const { db } = await getHandle();
  const [article] = ((await db.execute(sql`select id, version, section_id, language, body from articles where status = 'in_review' order by id limit 1`)) as unknown as {
    rows: Record<string, unknown>[];
  }).rows;
  if (!article) fail("The demo newsroom has no article in review.");
  if (box.engine === "pglite") await closeDb(); // the server owns the embedded database now

  server = startServer(PORT, box.env);
  await waitReady(server);
  const editor = new DeskClient(PORT);
  await editor.signIn("editor@copydesk.test", DEMO_PASSWORD);
  const page = `/desk/articles/${article.id}`;
  const headline = `Fähre nach Helgoland fährt wieder ${Date.now().toString(36)}`;
  const saved = await editor.save<{ version: number }>({
    id: Number(article.id),
    version: article.version,
    headline,
    standfirst: "Geplant, während der Server ruhte.",
    sectionId: article.section_id,
    language: article.language,
    body: article.body,
  });
  if (!saved.ok) fail(`Save refused: ${saved.message}`);

  // The first whole second at least MARGIN_MS away (the newsroom's wall clock, with seconds).
  const at = new Date(Math.ceil((Date.now() + MARGIN_MS) / 1000) * 1000);
  const scheduledAt = Date.now();
  const wallClock = `${toNewsroomWallClock(at)}:${String(at.getUTCSeconds()).padStart(2, "0")}`;
  const scheduled = await editor.action<{ url: string; scheduledFor: string }>("scheduleArticleAction", [{ id: article.id, version: saved.data.version, at: wallClock }], page);
  if (!scheduled.ok) fail(`Schedule refused: ${scheduled.message}`);
  if (new Date(scheduled.data.scheduledFor).getTime() !== at.getTime()) fail(`Scheduled for ${scheduled.data.scheduledFor}, asked for ${at.toISOString()}.`);
  const url = scheduled.data.url;
  const section = `/${url.split("/")[1]}`;
  const pages = { article: url, home: "/", section, feed: "/feeds/rss.xml" };

  // Too early: not there (and any cache of these pages now holds the "before").
  const early = await get(url);
  if (early.status !== 404) fail(`Before its time the article answered ${early.status}.`);
  for (const p of [pages.home, pages.section, pages.feed]) {
    const r = await get(p);
    if (r.status !== 200) fail(`${p} answered ${r.status} before the stop.`);
    if (r.body.includes(headline)) fail(`${p} showed the article before its time.`);
  }

  await killServer(server, "SIGTERM"); // an orderly stop, as for a deploy
  const stoppedAt = Date.now();
  if (stoppedAt >= at.getTime()) fail(`The machine was too slow: the time passed before the server was down (raise --margin).`);
  report.scheduledFor = at.toISOString();
  report.scheduleToStopSeconds = Math.round((stoppedAt - scheduledAt) / 1000);
  report.downBeforeSeconds = Math.round((at.getTime() - stoppedAt) / 1000);

  await sleep(at.getTime() - Date.now() + 2000);
  server = startServer(PORT, box.env);
  await waitReady(server); // /signin only: the reader pages below are asked first
  report.downAfterSeconds = Math.round((Date.now() - at.getTime()) / 1000);

  const first: Record<string, number> = {};
  for (const [name, p] of Object.entries(pages)) {
    const r = await get(p);
    first[name] = r.status;
    if (r.status !== 200) fail(`After the restart ${p} answered ${r.status} on its first request.`);
    if (!r.body.includes(headline)) fail(`After the restart the first request to ${p} did not show the article.`);
  }
  report.firstRequests = first;
  const errors = server.output.filter((l) => /error|⨯|unhandled/i.test(l));
  if (errors.length) fail(`The server logged errors:\n${errors.join("\n")}`);
  await killServer(server, "SIGTERM");
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
  if (server) await killServer(server);
} finally {
  await closeDb().catch(() => undefined);
  await box.dispose().catch(() => undefined);
}

Object.assign(report, { seconds: Math.round((Date.now() - started) / 1000), failure });
console.log(JSON.stringify(report));
if (values.report) fs.writeFileSync(values.report, JSON.stringify(report, null, 2));
process.exit(failure ? 1 : 0);
