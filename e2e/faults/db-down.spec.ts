// PostgreSQL goes down under a running server and comes back (scripts/faults/db-down.ts sets
// the stage and cuts the database off through a relay; this drives a real browser):
//  - the editor keeps what is typed during the outage on the device, says so in its status,
//    and saves it by itself once the database is back — nothing lost, exactly one more version;
//  - a reader page nobody had asked for says "temporarily unavailable" in the site's frame
//    and language, with no detail of the error; a page readers had seen is still served;
//  - the desk says the newsroom is unavailable instead of crashing;
//  - afterwards the same server (never restarted) serves everything again.
// PostgreSQL only (COPYDESK_FAULT_TESTS=1 and DATABASE_URL — see playwright.config.ts).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { expect, test } from "../fixtures";
import { type Page } from "@playwright/test";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { ACCOUNTS, SignInPage } from "../pages/SignInPage";
import { portsOf } from "../ports";

const m = messages.en;
const site = messages.de.site; // the reader site speaks German unless COPYDESK_SITE_LANGUAGE says otherwise

type Ready = { origin: string; article: { id: number; version: number }; cached: { path: string; headline: string }; uncached: { path: string; headline: string } };

/** The fault script as a process, spoken to one line at a time. */
class Stage {
  private queue: Record<string, unknown>[] = [];
  private waiting: ((message: Record<string, unknown>) => void) | null = null;
  output = "";
  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      this.output += `${line}\n`;
      if (!line.startsWith("{")) return;
      const message = JSON.parse(line) as Record<string, unknown>;
      if (this.waiting) {
        this.waiting(message);
        this.waiting = null;
      } else this.queue.push(message);
    });
    child.stderr.on("data", (c: Buffer) => (this.output += c));
  }

  static start(reportFile: string): Stage {
    const [port, relayPort] = portsOf("dbDown");
    const script = "scripts/faults/db-down.ts";
    const args = ["--conditions=react-server", script, "--port", String(port), "--relay-port", String(relayPort), "--report", reportFile];
    return new Stage(spawn(path.resolve("node_modules/.bin/tsx"), args, { env: process.env, stdio: ["pipe", "pipe", "pipe"] }));
  }

  /** The next message from the script (the `done` report ends the stage early with its failure). */
  next(timeoutMs = 180_000): Promise<Record<string, unknown>> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No answer from the fault script:\n${this.output.slice(-3000)}`)), timeoutMs);
      this.waiting = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
  }

  async send(command: string): Promise<Record<string, unknown>> {
    this.child.stdin.write(`${command}\n`);
    const answer = await this.next();
    if (answer.event === "done" || answer.event === "error") throw new Error(`The fault script stopped: ${JSON.stringify(answer)}\n${this.output.slice(-3000)}`);
    return answer;
  }

  async version(articleId: number): Promise<number> {
    return Number((await this.send(`version ${articleId}`)).version);
  }

  async stop(): Promise<Record<string, unknown>> {
    if (this.child.exitCode !== null) return { failure: "already stopped" };
    this.child.stdin.write("stop\n");
    for (;;) {
      const message = await this.next();
      if (message.event === "done") return message.report as Record<string, unknown>;
    }
  }

  kill() {
    if (this.child.exitCode === null) this.child.kill("SIGTERM");
  }
}

/** Words that would mean the error itself reached the reader. */
const LEAKS = ["ECONNREFUSED", "ECONNRESET", "Connection terminated", "DrizzleQueryError", "Failed query", 'select "', "127.0.0.1", "node_modules", "postgres://", "at async", "stack"];

async function shot(page: Page, name: string) {
  const file = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await test.info().attach(name, { path: file, contentType: "image/png" });
}

test("PostgreSQL down and back: the editor keeps and then saves the text, readers get a clear page, nothing restarts", async ({ browser }) => {
  test.setTimeout(8 * 60_000);
  const stage = Stage.start(test.info().outputPath("db-down.json"));
  try {
    const ready = (await stage.next()) as Ready & { event: string };
    expect(ready.event, stage.output.slice(-3000)).toBe("ready");
    const { origin, article } = ready;
    const context = await browser.newContext({ baseURL: origin, locale: "en-GB" });

    // The server listens for other instances' changes (db/reader-cache.ts).
    expect((await stage.send("listening")).found).toBe(true);

    // Arrange: a reader has seen one article (now cached); the other nobody has asked for.
    // (Until the server's first seconds are over it renders anew: ask until the cache answers.)
    await expect(async () => {
      const res = await context.request.get(ready.cached.path);
      expect(res.status()).toBe(200);
      expect(res.headers()["x-nextjs-cache"]).toBe("HIT");
    }).toPass({ timeout: 60_000 });

    const page = await context.newPage();
    await new SignInPage(page).goto();
    await new SignInPage(page).signIn(ACCOUNTS.journalist);
    await expect(page).toHaveURL(/\/desk$/);
    const editor = new ArticleEditorPage(page);
    await page.goto(`/desk/articles/${article.id}`);
    await editor.clickBody();
    await page.keyboard.press("ControlOrMeta+End");
    const before = ` Vor dem Ausfall: Größe ${Date.now().toString(36)}.`;
    await page.keyboard.type(before);
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 20_000 });
    const savedVersion = await stage.version(article.id);
    expect(savedVersion).toBeGreaterThan(article.version); // one store per pause in typing
    const keptBefore = await deviceUpdates(page, article.id);

    // Act: PostgreSQL goes down; the journalist keeps writing.
    await stage.send("cut");
    const during = ` Während des Ausfalls geschrieben: „Übermut“ ${Date.now().toString(36)}.`;
    await page.keyboard.type(during);

    // The always-visible status says the text is kept here and retried — and it is kept here.
    await expect(page.getByRole("status").filter({ hasText: m.editor.saveDatabaseDown })).toBeVisible({ timeout: 20_000 });
    await expect(editor.saveStatus).toHaveText(m.editor.saveDatabaseDown);
    // Kept on this device: the co-editing document's own store (y-indexeddb) has the new changes.
    expect(await deviceUpdates(page, article.id)).toBeGreaterThan(keptBefore);
    await shot(page, "editor-during-outage");

    // Readers: a page nobody had asked for says it is temporarily unavailable, in the site's
    // frame and language, without any detail; the page readers had seen is still served.
    const reader = await context.newPage();
    const uncached = await reader.goto(ready.uncached.path);
    // Next 16 can only answer 500 for a failed render; the server around it (scripts/serve.mjs)
    // says 503, and when to come back, while the database is known to be away.
    expect(uncached!.status()).toBe(503);
    expect(uncached!.headers()["retry-after"]).toBe("30");
    expect(uncached!.headers()["cache-control"]).toBe("no-store");
    await expect(reader.getByRole("heading", { level: 1, name: site.unavailableTitle })).toBeVisible();
    await expect(reader.getByText(site.unavailableText)).toBeVisible();
    await expect(reader.getByRole("link", { name: site.backHome })).toHaveAttribute("href", "/");
    await expect(reader.getByRole("banner").getByRole("link", { name: "Copydesk" })).toBeVisible();
    await expect(reader.locator("html")).toHaveAttribute("lang", "de");
    await expect(reader.getByRole("heading", { name: ready.uncached.headline })).toHaveCount(0);
    await shot(reader, "reader-uncached-during-outage");
    const html = (await reader.content()) + (await (await context.request.get(ready.uncached.path)).text());
    for (const leak of LEAKS) expect(html, `the error page contains "${leak}"`).not.toContain(leak);

    // Without JavaScript (Next draws its error page in the browser) the notice is there too.
    const noScript = await browser.newContext({ baseURL: origin, javaScriptEnabled: false });
    const plain = await noScript.newPage();
    expect((await plain.goto(ready.uncached.path))!.status()).toBe(503);
    await expect(plain.getByRole("heading", { level: 1, name: site.unavailableTitle })).toBeVisible();
    // (In <noscript>, which getByText passes over; the text is what a reader sees.)
    await expect(plain.getByRole("main")).toContainText(site.unavailableText);
    await expect(plain.getByRole("link", { name: site.goneHome })).toHaveAttribute("href", "/");
    await shot(plain, "reader-uncached-during-outage-without-javascript");
    await noScript.close();

    const cached = await reader.goto(ready.cached.path);
    expect(cached!.status()).toBe(200);
    await expect(reader.getByRole("heading", { level: 1, name: ready.cached.headline })).toBeVisible();

    // The desk (a fresh page load needs the database for the session's user): a clear page.
    const desk = await context.newPage();
    const deskResponse = await desk.goto("/desk");
    expect(deskResponse!.status()).toBeGreaterThanOrEqual(500);
    await expect(desk.getByRole("heading", { level: 1, name: m.deskUnavailable.title })).toBeVisible();
    const deskHtml = await desk.content();
    for (const leak of LEAKS) expect(deskHtml, `the desk error page contains "${leak}"`).not.toContain(leak);
    await shot(desk, "desk-during-outage");

    // The LISTEN client's session is gone with the rest (so its return below means something).
    await expect.poll(async () => (await stage.send("listening 0")).found, { timeout: 20_000 }).toBe(false);

    // Still no save while the database is away.
    expect(await stage.version(article.id)).toBe(savedVersion);
    await expect(editor.saveStatus).toHaveText(m.editor.saveDatabaseDown);

    // The database comes back: the editor saves by itself, no click, no reload.
    await stage.send("restore");
    await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 60_000 });
    expect(await stage.version(article.id)).toBe(savedVersion + 1);

    // Assert: everything typed before and during the outage is stored; nothing lost.
    await page.reload();
    await expect(editor.body).toContainText(`${before.trim()}${during}`);
    await expect(page.getByRole("region", { name: m.editor.recoveryTitle })).toHaveCount(0);

    // The same server serves the page that failed during the outage, and the desk, again.
    await expect(async () => {
      const again = await reader.goto(ready.uncached.path);
      expect(again!.status()).toBe(200);
    }).toPass({ timeout: 30_000 });
    await expect(reader.getByRole("heading", { level: 1, name: ready.uncached.headline })).toBeVisible();
    await desk.goto("/desk");
    await expect(desk.getByRole("heading", { level: 1, name: m.deskUnavailable.title })).toHaveCount(0);
    // …and its LISTEN client found the database again by itself (it retries with backoff).
    const listening = await stage.send("listening");
    expect(listening.found, "the LISTEN client did not reconnect within a minute").toBe(true);
    console.log(`LISTEN client connected again ${listening.seconds} s after the desk page loaded`);
    await expect(desk.getByRole("navigation", { name: m.desk.navLabel })).toBeVisible();
    await context.close();

    const report = await stage.stop();
    await test.info().attach("report", { body: JSON.stringify(report, null, 2), contentType: "application/json" });
    expect(report.failure ?? null, stage.output.slice(-3000)).toBeNull();
    expect(report.unhandled).toEqual([]);
  } finally {
    stage.kill();
  }
});

/** How many document updates this browser keeps for the article (y-indexeddb, one database per article and person). */
async function deviceUpdates(page: Page, articleId: number): Promise<number> {
  return page.evaluate(async (prefix) => {
    const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith(prefix));
    let count = 0;
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      if (db.objectStoreNames.contains("updates")) {
        count += await new Promise<number>((resolve, reject) => {
          const req = db.transaction("updates").objectStore("updates").count();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      }
      db.close();
    }
    return count;
  }, `copydesk:article:${articleId}:`);
}
