// `npm run bench -- --collab`: co-editing against the production server on a throw-away
// database (a temporary PGlite folder, or a new database beside DATABASE_URL's), with real
// WebSocket clients signed in through Auth.js and, for the in-page figure, Chromium.
//   - remote echo: a keystroke typed by one co-editor → in every other co-editor's document,
//     p50/p95, with 2, 5 and 10 co-editors typing at once on one article (~5 keys/s each);
//   - keystroke latency in the page (keydown → the editor's DOM changed) at 10,000 and 30,000
//     words, with two co-editors typing beside the browser's person;
//   - the server's memory and CPU per open document (200 articles of 1,000 words held open, a typist in 20 of them);
//   - database stores per minute per active article (the server's `saved` messages: one
//     transaction each).
// Figures are printed and written to bench/results/<date>-collab-<engine>.{json,md}; nothing is asserted.
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { chromium } from "@playwright/test";
import * as Y from "yjs";
import { closeDb, getDb, getHandle } from "@/db/client";
import { createArticle } from "@/db/articles/create";
import { sections, users } from "@/db/schema";
import { clockIn, connectClient, until, type TestClient } from "@/db/testing/collab";
import { BODY_FRAGMENT } from "@/lib/collab/document";
import { seedDemo } from "../seed-demo";
import { DEMO_PASSWORD } from "../env";
import en from "../../messages/en.json";
import { DeskClient, killServer, sandbox, sleep, startServer, waitReady } from "../faults/harness";
import { groupUsage, round, spread, type Spread } from "./measure";

export type CollabFigures = {
  engine: string;
  echo: Record<string, Spread>;
  keystroke: Record<string, Spread>;
  perDocument: { documents: number; rssMbPerDocument: number; cpuMsPerDocumentSecond: number; rssMbBefore: number; rssMbAfter: number };
  storesPerMinutePerArticle: number;
};

const WORDS = "Die Stadtwerke senken den Strompreis um zwölf Prozent, teilte der Vorstand am Montag in Köln mit, und „die Fähre“ fährt über die Straße".split(" ");

/** A body of `words` words in paragraphs of 60. */
function bodyOf(words: number) {
  const content = [];
  for (let w = 0; w < words; w += 60) {
    const text = Array.from({ length: Math.min(60, words - w) }, (_, i) => WORDS[(w + i) % WORDS.length]).join(" ");
    content.push({ type: "paragraph", content: [{ type: "text", text }] });
  }
  return { type: "doc", content };
}

/** Types one character at a random place of the first paragraphs, as TipTap's binding would. */
function typeInto(doc: Y.Doc, ch: string) {
  const body = doc.getXmlFragment(BODY_FRAGMENT);
  const blocks = body.toArray().slice(0, 20).filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  const p = blocks[Math.floor(Math.random() * blocks.length)];
  const text = p?.get(0);
  if (text instanceof Y.XmlText) text.insert(Math.floor(Math.random() * (text.length + 1)), ch);
  else body.push([new Y.XmlElement("paragraph")]);
}

/** Documents held open for the memory figure, and how many of them are typed in for CPU and stores. */
const OPEN_DOCUMENTS = 200;
const TYPED_DOCUMENTS = 20;

export async function collabBench(opts: { port: number; seconds: number; log: (line: string) => void; resultsDir: string }): Promise<CollabFigures> {
  const { port, seconds, log } = opts;
  const box = await sandbox("bench-collab");
  let server: ReturnType<typeof startServer> | undefined;
  const clients: TestClient[] = [];
  const closeAll = () => {
    for (const c of clients.splice(0)) c.destroy();
  };
  try {
    // A newsroom, an article per measurement and the big ones for the page.
    await getHandle();
    await seedDemo();
    const db = await getDb();
    const [editor] = await db.select().from(users).where(eq(users.email, "editor@copydesk.test"));
    const [section] = await db.select().from(sections).limit(1);
    const viewer = { id: editor.id, role: editor.role, name: editor.name };
    const make = async (headline: string, words = 120) =>
      (await createArticle({ ctx: { viewer }, input: { headline, standfirst: "", sectionId: section.id, language: "de", authorIds: [editor.id], body: bodyOf(words) } })).id;
    const echoArticles = { 2: await make("Echo zu zweit"), 5: await make("Echo zu fünft"), 10: await make("Echo zu zehnt") };
    const bigArticles = { 10_000: await make("Zehntausend Wörter", 10_000), 30_000: await make("Dreißigtausend Wörter", 30_000) };
    // Memory per document is measured over many (20 were within the process's own noise), CPU
    // over the 20 of them someone types in.
    const openArticles: number[] = [];
    for (let i = 0; i < OPEN_DOCUMENTS; i++) openArticles.push(await make(`Offenes Dokument ${i + 1}`, 1000));
    if (box.engine === "pglite") await closeDb(); // the server's process owns the embedded database

    server = startServer(port, box.env);
    await waitReady(server);
    const desk = new DeskClient(port);
    await desk.signIn("editor@copydesk.test", DEMO_PASSWORD);
    const cookie = desk.cookie();
    const url = `ws://localhost:${port}/api/collab`;
    const connect = async (articleId: number, n: number) => {
      const group = Array.from({ length: n }, () => connectClient(url, articleId, cookie));
      clients.push(...group);
      await until("co-editors synced", () => group.every((c) => c.provider.isSynced), 60_000);
      return group;
    };

    // 1. Remote echo with 2, 5 and 10 co-editors typing at once.
    const echo: CollabFigures["echo"] = {};
    for (const n of [2, 5, 10] as const) {
      const group = await connect(echoArticles[n], n);
      const times: number[] = [];
      // Per co-editor, the others' keystrokes not yet in its document (what each update is checked against).
      const awaited = new Map<TestClient, { from: number; clock: number; at: number }[]>(group.map((c) => [c, []]));
      for (const c of group) {
        c.doc.on("update", (_u: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
          if (tr.local) return;
          const now = performance.now();
          const queue = awaited.get(c)!;
          const still = queue.filter((k) => {
            if (clockIn(c.doc, k.from) < k.clock) return true;
            times.push(now - k.at);
            return false;
          });
          awaited.set(c, still);
        });
      }
      const end = Date.now() + seconds * 1000;
      await Promise.all(
        group.map(async (c) => {
          while (Date.now() < end) {
            await sleep(150 + Math.random() * 100); // ~5 keys a second
            typeInto(c.doc, "x");
            const keystroke = { from: c.doc.clientID, clock: clockIn(c.doc), at: performance.now() };
            for (const other of group) if (other !== c) awaited.get(other)!.push(keystroke);
          }
        }),
      );
      await until("every keystroke everywhere", () => [...awaited.values()].every((queue) => queue.length === 0), 30_000).catch(() => undefined);
      echo[`${n} co-editors`] = spread(times);
      log(`Remote echo, ${n} co-editors: p50 ${echo[`${n} co-editors`].p50} ms, p95 ${echo[`${n} co-editors`].p95} ms (${times.length} arrivals)`);
      closeAll();
    }

    // 2. Keystrokes in the page at 10,000 and 30,000 words, two co-editors typing meanwhile.
    const keystroke: CollabFigures["keystroke"] = {};
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium" });
    try {
      const context = await browser.newContext({ locale: "en-GB" });
      await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), domain: "localhost", path: "/" })));
      for (const words of [10_000, 30_000] as const) {
        const articleId = bigArticles[words];
        const page = await context.newPage();
        await page.goto(`http://localhost:${port}/desk/articles/${articleId}`);
        const body = page.getByRole("textbox", { name: en.editor.articleText });
        await body.waitFor({ timeout: 120_000 });
        await page.waitForFunction(() => document.querySelector(".ProseMirror")?.getAttribute("contenteditable") === "true", undefined, { timeout: 120_000 });
        const others = await connect(articleId, 2);
        let typing = true;
        const background = Promise.all(
          others.map(async (c) => {
            while (typing) {
              await sleep(150 + Math.random() * 100);
              typeInto(c.doc, "y");
            }
          }),
        );
        // keydown → the first change of the editor's DOM after it, measured in the page.
        await page.evaluate(() => {
          const w = window as unknown as { __lat: number[]; __down: number | null };
          w.__lat = [];
          w.__down = null;
          const editor = document.querySelector(".ProseMirror")!;
          editor.addEventListener("keydown", () => (w.__down = performance.now()), true);
          new MutationObserver(() => {
            if (w.__down !== null) {
              w.__lat.push(performance.now() - w.__down);
              w.__down = null;
            }
          }).observe(editor, { childList: true, characterData: true, subtree: true });
        });
        await body.click();
        await page.keyboard.press("ControlOrMeta+Home");
        for (let i = 0; i < 80; i++) {
          await page.keyboard.type("z");
          await sleep(60);
        }
        typing = false;
        await background;
        const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
        keystroke[`${words.toLocaleString("en")} words`] = spread(lat);
        log(`Keystroke → DOM at ${words.toLocaleString("en")} words with 2 co-editors: p50 ${keystroke[`${words.toLocaleString("en")} words`].p50} ms, p95 ${keystroke[`${words.toLocaleString("en")} words`].p95} ms`);
        await page.close();
        closeAll();
      }
    } finally {
      await browser.close();
    }

    // 3. Memory per open document (OPEN_DOCUMENTS of 1,000 words, one person in each), CPU per
    // document being typed in and stores per minute (a typist in TYPED_DOCUMENTS of them).
    await sleep(2000);
    const before = groupUsage(server.proc.pid!);
    const open: TestClient[] = [];
    for (let i = 0; i < openArticles.length; i += 25) open.push(...(await Promise.all(openArticles.slice(i, i + 25).map(async (id) => (await connect(id, 1))[0]))));
    for (const c of open) typeInto(c.doc, "w"); // held open and written to, not just loaded
    await sleep(6000);
    const opened = groupUsage(server.proc.pid!);
    const typists = open.slice(0, TYPED_DOCUMENTS);
    const t0 = performance.now();
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      typists.map(async (c) => {
        while (Date.now() < end) {
          await sleep(150 + Math.random() * 100);
          typeInto(c.doc, "w");
        }
      }),
    );
    await sleep(6000); // the last stores (1 s of quiet, at most 5 s)
    const after = groupUsage(server.proc.pid!);
    const elapsedS = (performance.now() - t0) / 1000;
    const stores = typists.reduce((n, c) => n + c.stateless.filter((m) => m.type === "saved").length, 0);
    const perDocument = {
      documents: open.length,
      rssMbBefore: before.rssMb,
      rssMbAfter: opened.rssMb,
      rssMbPerDocument: round((opened.rssMb - before.rssMb) / open.length, 2),
      cpuMsPerDocumentSecond: round((after.cpuMs - opened.cpuMs) / typists.length / elapsedS, 2),
    };
    const storesPerMinutePerArticle = round(stores / typists.length / (elapsedS / 60));
    log(`Per open document: ${perDocument.rssMbPerDocument} MB, ${perDocument.cpuMsPerDocumentSecond} ms CPU per second of typing; ${storesPerMinutePerArticle} stores per minute per active article`);
    closeAll();

    const figures: CollabFigures = { engine: box.engine, echo, keystroke, perDocument, storesPerMinutePerArticle };
    writeResults(opts.resultsDir, figures, seconds);
    return figures;
  } finally {
    closeAll();
    if (server) await killServer(server);
    await closeDb().catch(() => undefined);
    await box.dispose().catch(() => undefined);
  }
}

function writeResults(dir: string, f: CollabFigures, seconds: number) {
  fs.mkdirSync(dir, { recursive: true });
  const stem = path.join(dir, `${new Date().toISOString().slice(0, 10)}-collab-${f.engine}`);
  fs.writeFileSync(`${stem}.json`, JSON.stringify(f, null, 2));
  const row = (name: string, s: Spread) => `| ${name} | ${s.n} | ${s.p50} | ${s.p95} | ${s.max} |`;
  const md = [
    `# Co-editing bench (${f.engine}, ${seconds} s per case)`,
    "",
    "Remote echo: a keystroke from one co-editor → in every other co-editor's document (ms).",
    "",
    "| case | arrivals | p50 | p95 | max |",
    "|---|---:|---:|---:|---:|",
    ...Object.entries(f.echo).map(([k, s]) => row(k, s)),
    "",
    "Keystroke in the page: keydown → the editor's DOM changed, with two co-editors typing (ms).",
    "",
    "| case | keys | p50 | p95 | max |",
    "|---|---:|---:|---:|---:|",
    ...Object.entries(f.keystroke).map(([k, s]) => row(k, s)),
    "",
    `Server: ${f.perDocument.rssMbPerDocument} MB resident per open document (${f.perDocument.documents} documents; ${f.perDocument.rssMbBefore} → ${f.perDocument.rssMbAfter} MB), ${f.perDocument.cpuMsPerDocumentSecond} ms CPU per document per second of typing; ${f.storesPerMinutePerArticle} database stores per minute per active article.`,
    "",
  ].join("\n");
  fs.writeFileSync(`${stem}.md`, md);
}
