// Kill -9 during publish: the production server publishes one article again and again, each
// time with new text, and is SIGKILLed (its whole process group) at a random moment around
// the publish. After every kill the database is checked with the server down, then the
// server is started again on the same data:
//   - the publication snapshot is entirely one published revision — headline, standfirst,
//     body HTML, text and version all from the same one — and that is the old or the new
//     version, never a mix, never an older one; a publish the server confirmed is there;
//   - the working copy is the last saved text, its version is the newest revision's, and
//     every earlier revision is still there, unchanged;
//   - the database reopens (PGlite: after a kill mid-write) and the server answers the desk.
//
//   npx tsx --conditions=react-server scripts/faults/kill-publish.ts [--kills 20] [--port 3104] [--report file.json]
// Uses a temporary PGlite folder, or with DATABASE_URL a fresh database beside it.
// Needs a production build (`npx next build`). Run by e2e/faults/kill-publish.spec.ts.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, getHandle } from "@/db/client";
import { DEMO_PASSWORD } from "../env";
import { assertPortFree, DeskClient, killServer, sandbox, seedNewsroom, sleep, startServer, waitReady, type Server } from "./harness";

const { values } = parseArgs({
  options: { kills: { type: "string", default: "20" }, port: { type: "string" }, report: { type: "string" }, seed: { type: "string" } },
});
const KILLS = Number(values.kills);
const PORT = Number(values.port ?? Number(process.env.E2E_PORT || 3100) + 4) // e2e/ports.ts;
// Reproducible when asked: `--seed 42` replays the same kill moments.
let state = Number(values.seed ?? Date.now() % 2 ** 31);
const seedUsed = state;
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

type Text = { marker: string; headline: string; standfirst: string; body: unknown };
const textFor = (marker: string): Text => ({
  marker,
  headline: `Hafenstraße: Fassung ${marker}`,
  standfirst: `Vorspann der Fassung ${marker} – „Umbau“ oder nicht?`,
  body: {
    type: "doc",
    content: Array.from({ length: 40 }, (_, n) => ({
      type: "paragraph",
      content: [{ type: "text", text: `Absatz ${n + 1} der Fassung ${marker}. Die Bürgerinnen und Bürger entscheiden über den Umbau der Straße, die Händler warten ab.` }],
    })),
  },
});

type Row = Record<string, unknown>;
async function query(q: ReturnType<typeof sql>): Promise<Row[]> {
  const { db } = await getHandle();
  return ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
}

function fail(message: string): never {
  throw new Error(message);
}

type Snapshot = { revisions: Map<number, string>; published: string; publishedVersion: number; saved: string; version: number };

/** Reads and checks the article with the server down; returns what is now old. */
async function check(articleId: number, prev: Snapshot, attempt: { saveAck?: number; publishAck?: number; marker: string }) {
  const [article] = await query(sql`select * from articles where id = ${articleId}`);
  const [pub] = await query(sql`select * from publications where article_id = ${articleId}`);
  const revisions = await query(sql`select id, version, kind, headline, standfirst, body::text as body from article_revisions where article_id = ${articleId} order by version, id`);
  if (!article || !pub) fail("The article or its publication is gone.");

  // 1. The snapshot is one revision, entirely.
  const markerOf = (s: unknown) => /Fassung (\d+-[0-9a-z]+)/.exec(String(s))?.[1] ?? "original";
  const pubMarkers = new Set([markerOf(pub.headline), markerOf(pub.standfirst), markerOf(pub.body_html), markerOf(pub.body_text)]);
  if (pubMarkers.size !== 1) fail(`Mixed publication: ${[...pubMarkers].join(" / ")}`);
  const published = [...pubMarkers][0];
  const source = revisions.find((r) => Number(r.version) === Number(pub.version) && r.kind === "publish");
  if (!source) fail(`No publish revision for the snapshot's version ${pub.version}.`);
  if (source!.headline !== pub.headline || source!.standfirst !== pub.standfirst || markerOf(source!.body) !== published) {
    fail(`The snapshot (version ${pub.version}) differs from its revision.`);
  }
  for (let n = 1; n <= 40 && published !== "original"; n++) {
    if (!String(pub.body_html).includes(`Absatz ${n} der Fassung ${published}.`)) fail(`Snapshot body is missing paragraph ${n}.`);
  }
  if (Number(article.published_version) !== Number(pub.version)) fail(`articles.published_version ${article.published_version} ≠ snapshot ${pub.version}.`);
  if (article.status !== "published") fail(`Status is ${article.status}.`);
  // 2. Old or new, and nothing confirmed is lost.
  if (published !== prev.published && published !== attempt.marker) fail(`The snapshot is ${published}; expected ${prev.published} or ${attempt.marker}.`);
  if (attempt.publishAck && Number(pub.version) !== attempt.publishAck) fail(`Publish of version ${attempt.publishAck} was confirmed, the snapshot is ${pub.version}.`);

  // 3. The working copy and its history.
  const saved = markerOf(article.headline);
  if (saved !== markerOf(article.standfirst) || saved !== markerOf(JSON.stringify(article.body))) fail("The working copy is a mix.");
  if (saved !== "original" && !JSON.stringify(article.body).includes(`Absatz 40 der Fassung ${saved}.`)) fail("The working copy lost paragraphs.");
  if (saved !== prev.saved && saved !== attempt.marker) fail(`The working copy is ${saved}; expected ${prev.saved} or ${attempt.marker}.`);
  if (attempt.saveAck && saved !== attempt.marker) fail("A confirmed save is missing from the working copy.");
  const newest = revisions.at(-1)!;
  if (Number(newest.version) !== Number(article.version)) fail(`Working copy version ${article.version}, newest revision ${newest.version}.`);
  if (newest.headline !== article.headline || markerOf(newest.body) !== saved) fail("The newest revision is not the working copy.");
  for (const [id, content] of prev.revisions) {
    const now = revisions.find((r) => Number(r.id) === id);
    if (!now || `${now.version}|${now.kind}|${now.headline}|${now.body}` !== content) fail(`Revision ${id} changed or vanished.`);
  }
  const versions = revisions.map((r) => Number(r.version));
  if (new Set(versions).size !== versions.length) fail("Two revisions share a version.");

  const next: Snapshot = {
    revisions: new Map(revisions.map((r) => [Number(r.id), `${r.version}|${r.kind}|${r.headline}|${r.body}`])),
    published,
    publishedVersion: Number(pub.version),
    saved,
    version: Number(article.version),
  };
  return next;
}

const started = Date.now();
const box = await sandbox("kill-publish");
let server: Server | undefined;
const tally = { survived: 0, kills: 0, duringPublish: 0, duringSave: 0, afterPublish: 0, snapshotOld: 0, snapshotNew: 0, confirmedPublishes: 0, restarts: 0 };
let failure: string | null = null;
const roundTimes: Record<string, number> = {};
try {
  await assertPortFree(PORT);
  await seedNewsroom(box);
  const [target] = await query(sql`select a.id, a.section_id, a.language, a.slug from articles a join publications p on p.article_id = a.id order by a.id limit 1`);
  const articleId = Number(target.id);
  let prev = await check(articleId, { revisions: new Map(), published: "original", publishedVersion: 0, saved: "original", version: 0 }, { marker: "original" });
  if (box.engine === "pglite") await closeDb();

  const client = new DeskClient(PORT);
  const page = `/desk/articles/${articleId}`;
  // The first publish in a freshly started server (module loading included): when to aim.
  const publishTimes: number[] = [];
  const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  let saveMs = 300;
  let aim = 0.8;
  for (let round = 0; round <= KILLS; round++) {
    const times: Record<string, number> = {};
    let mark = Date.now();
    const lap = (name: string) => {
      times[name] = Date.now() - mark;
      mark = Date.now();
    };
    server = startServer(PORT, box.env);
    await waitReady(server);
    lap("start");
    if (round === 0) await client.signIn("editor@copydesk.test", DEMO_PASSWORD);
    tally.restarts += round > 0 ? 1 : 0;
    // The reopened database answers the desk: the article loads, at the version the check saw.
    const loaded = await client.action<{ version: number }>("loadArticleAction", [articleId], page);
    if (!loaded.ok || loaded.data.version !== prev.version) fail(`After restart ${round}, the desk read ${JSON.stringify(loaded).slice(0, 200)}.`);
    lap("load");

    const marker = `${round}-${Math.floor(random() * 1e6).toString(36)}`;
    const text = textFor(marker);
    const attempt: { saveAck?: number; publishAck?: number; marker: string } = { marker };
    let phase = "save" as "save" | "publish" | "done"; // moved on by the requests below
    let settled = false;
    let killedAt: typeof phase = "done"; // round 0 is killed after its publish answered
    // Round 0 measures; later rounds kill: mostly while the publish request is in flight,
    // sometimes anywhere from the save to just after the publish.
    const aimAtPublish = random() < 0.75;
    const t0 = Date.now();
    let tPublish = 0;
    const run = (async () => {
      const saved = await client.save<{ version: number }>({ id: articleId, version: prev.version, ...text, headline: text.headline, sectionId: target.section_id, language: target.language, slug: target.slug });
      if (!saved.ok) fail(`Save refused: ${saved.message}`);
      attempt.saveAck = saved.data.version;
      phase = "publish";
      tPublish = Date.now();
      const published = await client.action<{ version: number }>("publishArticleAction", [{ id: articleId, version: saved.data.version }], page);
      if (!published.ok) fail(`Publish refused: ${published.message}`);
      attempt.publishAck = published.data.version;
      phase = "done";
      publishTimes.push(Date.now() - tPublish); // follow the machine's pace
    })();
    if (round === 0) {
      await run;
      saveMs = tPublish - t0;
      await killServer(server);
    } else {
      let refused: unknown = null;
      const outcome = run.catch((error) => {
        // The kill cuts the requests off; anything else (a refusal) is a failure.
        if (!(error instanceof TypeError)) refused = error;
      }).finally(() => (settled = true));
      if (aimAtPublish) {
        while (phase === "save" && !settled) await sleep(1);
        // Around the commit, which comes late in a request (loading the renderer and building
        // the snapshot come first). `aim` homes in on it: later after a kill that left the old
        // snapshot, earlier after one that came after the answer.
        await sleep(average(publishTimes) * aim * (0.75 + random() * 0.5));
      } else {
        await sleep(random() * (saveMs + average(publishTimes)) * 1.3);
      }
      const at = phase;
      killedAt = at;
      await killServer(server);
      await outcome;
      if (refused) throw refused;
      tally.kills += 1;
      if (at === "save") tally.duringSave += 1;
      else if (at === "publish") tally.duringPublish += 1;
      else tally.afterPublish += 1;
    }
    lap("run");
    if (attempt.publishAck) tally.confirmedPublishes += 1;
    const before = prev.published;
    prev = await check(articleId, prev, attempt);
    if (round > 0) tally[prev.published === before ? "snapshotOld" : "snapshotNew"] += 1;
    if (round > 0 && aimAtPublish) {
      if (killedAt === "done") aim *= 0.8;
      else if (prev.published === before) aim = Math.min(aim * 1.25, 3);
      else aim *= 0.95;
    }
    if (box.engine === "pglite") await closeDb();
    lap("check");
    for (const [k, v] of Object.entries(times)) roundTimes[k] = (roundTimes[k] ?? 0) + v;
    const errors = server.output.filter((l) => /error|⨯|unhandled/i.test(l));
    if (errors.length) fail(`The server logged errors in round ${round}:\n${errors.join("\n")}`);
    if (round > 0) tally.survived += 1; // checked, reopened, no errors
    console.log(`round ${round}: killed ${killedAt === "done" ? "after the publish answered" : `during ${killedAt}`} → snapshot ${prev.published} (v${prev.publishedVersion}), working copy ${prev.saved} (v${prev.version}) ${JSON.stringify(times)} save ${saveMs} ms, publish ~${Math.round(average(publishTimes))} ms`);
  }
  // Finally the server comes back once more and still answers.
  server = startServer(PORT, box.env);
  await waitReady(server);
  const last = await client.action<{ version: number }>("loadArticleAction", [articleId], page);
  if (!last.ok || last.data.version !== prev.version) fail("The final restart did not serve the article.");
  await killServer(server, "SIGTERM");
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
  if (server) await killServer(server);
} finally {
  await closeDb().catch(() => undefined);
  await box.dispose().catch(() => undefined);
}

const report = { engine: box.engine, seed: seedUsed, ...tally, averageRoundMs: Object.fromEntries(Object.entries(roundTimes).map(([k, v]) => [k, Math.round(v / Math.max(1, KILLS + 1))])), seconds: Math.round((Date.now() - started) / 1000), failure };
console.log(JSON.stringify(report));
if (values.report) fs.writeFileSync(values.report, JSON.stringify(report, null, 2));
process.exit(failure ? 1 : 0);
