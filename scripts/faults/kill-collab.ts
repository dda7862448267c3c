// Kill -9 while people write together: three co-editors (HocuspocusProvider in Node, real
// WebSockets to the production server, signed in through Auth.js) type into one article, and
// the server's whole process group is SIGKILLed at a random moment, again and again. Each
// co-editor notes, for every word it typed (a unique marker), when the server's `saved` message
// covered it (its state vector: the same rule the editor's "Saved 14:03" follows). Then, with
// the server down, the database is read directly:
//   - every word a co-editor was told was saved is in the stored document and in the JSON
//     working copy the rest of Copydesk reads, and that copy passes the schema;
// and after the restart:
//   - the co-editor whose tab stayed open (its document kept in memory) delivers what it typed
//     while the server was gone; the others come back as new tabs and lose nothing stored;
//   - at the end every co-editor, a fresh one and the database hold the same content.
//
//   npx tsx --conditions=react-server scripts/faults/kill-collab.ts [--kills 3] [--port 3108] [--report file.json] [--seed n]
// Uses a temporary PGlite folder, or with DATABASE_URL a fresh database beside it.
// Needs a production build (`npx next build`). Run by e2e/faults/kill-collab.spec.ts.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { closeDb, getDb } from "@/db/client";
import { createArticle } from "@/db/articles/create";
import { getCollabSource } from "@/db/articles/collab-queries";
import { users, sections } from "@/db/schema";
import { clockIn, connectClient, storedClock, until, type TestClient } from "@/db/testing/collab";
import { BODY_FRAGMENT, workingCopyFromDoc } from "@/lib/collab/document";
import { parseBody } from "@/lib/content/body";
import { seededPicker } from "@/lib/random";
import { DEMO_PASSWORD } from "../env";
import { assertPortFree, DeskClient, killServer, sandbox, seedNewsroom, sleep, startServer, waitReady, type Server } from "./harness";

const { values } = parseArgs({
  options: { kills: { type: "string", default: "3" }, port: { type: "string" }, report: { type: "string" }, seed: { type: "string" } },
});
const KILLS = Number(values.kills);
const PORT = Number(values.port ?? Number(process.env.E2E_PORT || 3100) + 8) // e2e/ports.ts;
const SEED = Number(values.seed ?? Date.now() % 2 ** 31);
const r = seededPicker(SEED);

const fail = (message: string): never => {
  throw new Error(message);
};

/** One co-editor: its connection (replaced on each restart), its markers and which of them it was told were saved. */
type Writer = {
  name: string;
  email: string;
  /** Keeps its document across restarts (a tab that stayed open); the others reopen with a new one. */
  keepsTab: boolean;
  cookie: string;
  client: TestClient | null;
  /** Marker → this client's clock right after typing it. */
  typed: Map<string, number>;
  saved: Set<string>;
  /** Stateless messages already looked at. */
  seen: number;
};

/** Moves a writer's markers to `saved` as far as the server's `saved` messages cover them. */
function noteSaved(w: Writer) {
  const c = w.client;
  if (!c) return;
  for (; w.seen < c.stateless.length; w.seen++) {
    const clock = storedClock(c.stateless[w.seen], c.doc.clientID);
    if (clock === null) continue;
    for (const [marker, at] of w.typed) if (at <= clock) w.saved.add(marker);
  }
}

/** Types one marker (and sometimes a new paragraph) where TipTap's binding would write it. */
function type(w: Writer, marker: string) {
  const doc = w.client!.doc;
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  doc.transact(() => {
    const paragraphs = body.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
    if (paragraphs.length === 0 || r.int(6) === 0) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText(`${marker} `)]);
      body.insert(r.int(body.length + 1), [p]);
      return;
    }
    const p = r.pick(paragraphs);
    let text = p.get(0);
    if (!(text instanceof Y.XmlText)) {
      text = new Y.XmlText("");
      p.insert(0, [text]);
    }
    const t = text as Y.XmlText;
    // Between words, so that no marker lands inside another.
    const spaces = [0, ...[...t.toString().matchAll(/ /g)].map((m) => m.index! + 1)].filter((i) => i <= t.length);
    t.insert(r.pick(spaces), `${marker} `);
  });
  w.typed.set(marker, clockIn(doc));
}

const textOf = (body: unknown) => JSON.stringify(body);

const started = Date.now();
const box = await sandbox("kill-collab");
let server: Server | undefined;
const tally = { kills: 0, survived: 0, typed: 0, toldSaved: 0, deliveredAfterRestart: 0, lostWithClosedTab: 0, restarts: 0 };
let failure: string | null = null;
const writers: Writer[] = [];
try {
  await assertPortFree(PORT);
  await seedNewsroom(box);
  const db = await getDb();
  const person = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0] ?? fail(`No demo user ${email}`);
  const [journalist, editor, admin] = await Promise.all(["journalist@copydesk.test", "editor@copydesk.test", "admin@copydesk.test"].map(person));
  const [section] = await db.select().from(sections).limit(1);
  const article = await createArticle({
    ctx: { viewer: { id: journalist.id, role: journalist.role, name: journalist.name } },
    input: { headline: "Fährhaus: drei schreiben, der Strom fällt aus", standfirst: "", sectionId: section.id, language: "de", authorIds: [journalist.id], body: { type: "doc", content: [{ type: "paragraph" }] } },
  });
  if (box.engine === "pglite") await closeDb(); // the server's process owns the embedded database from here

  for (const [i, p] of [journalist, editor, admin].entries()) {
    writers.push({ name: p.name, email: p.email, keepsTab: i === 0, cookie: "", client: null, typed: new Map(), saved: new Set(), seen: 0 });
  }
  let counter = 0;
  for (let round = 0; round <= KILLS; round++) {
    server = startServer(PORT, box.env);
    await waitReady(server);
    if (round > 0) tally.restarts += 1;
    const url = `ws://localhost:${PORT}/api/collab`;
    for (const w of writers) {
      if (!w.cookie) {
        const desk = new DeskClient(PORT);
        await desk.signIn(w.email, DEMO_PASSWORD);
        w.cookie = desk.cookie();
      }
      // The open tab reconnects with its document (what it typed meanwhile merges); the others open anew.
      const doc = w.keepsTab && w.client ? w.client.doc : new Y.Doc();
      w.client?.destroy();
      const unsentBefore = w.keepsTab && w.client ? [...w.typed.keys()].filter((m) => !w.saved.has(m)) : [];
      w.client = connectClient(url, article.id, w.cookie, doc);
      w.seen = 0;
      if (unsentBefore.length) tally.deliveredAfterRestart += unsentBefore.length;
    }
    await until(`round ${round}: every co-editor synced`, () => writers.every((w) => w.client!.provider.isSynced), 60_000);
    // After a restart each reopened co-editor sees every word anyone was told was saved.
    for (const w of writers) {
      const body = textOf(workingCopyFromDoc(w.client!.doc).body);
      for (const other of writers) for (const m of other.saved) if (!body.includes(m)) fail(`Round ${round}: ${w.name} reopened without “${m}”, which ${other.name} was told was saved.`);
    }

    // Everyone types for a while; in every round but the first the server is killed mid-way.
    // Now and then everyone stops long enough for the server to store (it waits for 1 s of
    // quiet, at most 5 s): the kill then falls among stored and unstored words alike.
    const stopAt = Date.now() + 3000 + r.int(5000);
    while (Date.now() < stopAt) {
      const w = r.pick(writers);
      type(w, `m${counter++}${w.name[0]}`);
      tally.typed += 1;
      await sleep(r.int(12) === 0 ? 1200 + r.int(600) : 20 + r.int(120));
      for (const x of writers) noteSaved(x);
    }
    if (round === KILLS) break;
    await killServer(server);
    tally.kills += 1;
    for (const w of writers) {
      noteSaved(w);
      // A tab that closes with the server gone takes its unsaved words along (the browser's
      // editor would keep them on the device; these simulated tabs keep nothing): only what it
      // was told was saved must survive.
      if (w.keepsTab) continue;
      for (const m of w.typed.keys()) {
        if (w.saved.has(m)) continue;
        w.typed.delete(m);
        tally.lostWithClosedTab += 1;
      }
    }
    tally.toldSaved = writers.reduce((n, w) => n + w.saved.size, 0);

    // With the server down: the database holds every word anyone was told was saved.
    const source = await getCollabSource(article.id);
    if (!source?.state) fail(`After kill ${tally.kills}: no stored document.`);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, source!.state!);
    const storedBody = textOf(workingCopyFromDoc(stored).body);
    const copyBody = textOf(source!.copy.body);
    for (const w of writers) {
      for (const m of w.saved) {
        if (!storedBody.includes(m)) fail(`After kill ${tally.kills}: “${m}” (${w.name} was told it was saved) is not in the stored document.`);
        if (!copyBody.includes(m)) fail(`After kill ${tally.kills}: “${m}” (${w.name} was told it was saved) is not in the working copy.`);
      }
    }
    parseBody(source!.copy.body); // the working copy passes the schema (throws otherwise)
    if (box.engine === "pglite") await closeDb();
    const errors = server.output.filter((l) => /error|⨯|unhandled/i.test(l) && !/ECONNRESET|socket hang up/i.test(l));
    if (errors.length) fail(`The server logged errors before kill ${tally.kills}:\n${errors.join("\n")}`);
    tally.survived += 1;
    console.log(`kill ${tally.kills}: ${tally.typed} words typed, ${tally.toldSaved} told saved — all in the database`);
  }

  // Finally: everyone converges, a fresh co-editor sees the same, and so does the database.
  const content = (c: TestClient) => JSON.stringify(workingCopyFromDoc(c.doc));
  await until("co-editors converged", () => writers.every((w) => w.client!.provider.isSynced && content(w.client!) === content(writers[0].client!)), 60_000);
  for (const w of writers) {
    await until(
      `${w.name}'s words stored`,
      () => {
        noteSaved(w);
        return w.saved.size === w.typed.size;
      },
      60_000,
    );
  }
  const fresh = connectClient(`ws://localhost:${PORT}/api/collab`, article.id, writers[1].cookie);
  await until("fresh co-editor synced", () => fresh.provider.isSynced, 30_000);
  if (content(fresh) !== content(writers[0].client!)) fail("A fresh co-editor sees other content than the others.");
  const final = textOf(workingCopyFromDoc(fresh.doc).body);
  for (const w of writers) for (const m of w.typed.keys()) if (!final.includes(m)) fail(`“${m}” typed by ${w.name} is missing at the end.`);
  fresh.destroy();
  for (const w of writers) w.client?.destroy();
  await killServer(server!, "SIGTERM");
  if (box.engine === "pglite") {
    const source = await getCollabSource(article.id);
    const body = textOf(source?.copy.body);
    for (const w of writers) for (const m of w.typed.keys()) if (!body.includes(m)) fail(`“${m}” typed by ${w.name} is not in the database at the end.`);
  }
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
  // What the server said last, for whoever reads the failure (the spec prints this output's tail).
  if (server) console.log(`server output before the failure:\n${server.output.slice(-40).join("\n")}`);
  for (const w of writers) w.client?.destroy();
  if (server) await killServer(server);
} finally {
  await closeDb().catch(() => undefined);
  await box.dispose().catch(() => undefined);
}

const report = { engine: box.engine, seed: SEED, ...tally, seconds: Math.round((Date.now() - started) / 1000), failure };
console.log(JSON.stringify(report));
if (values.report) fs.writeFileSync(values.report, JSON.stringify(report, null, 2));
process.exit(failure ? 1 : 0);
