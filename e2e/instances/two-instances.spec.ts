// Several app instances on one PostgreSQL is how Copydesk scales past one machine. A second
// server on the same database as the test server: sessions are valid on both, sign-in
// throttling counts across both, and a publish on one reaches the other's cached pages.
// (This project exists only when the journeys run on PostgreSQL.)
import pg from "pg";
import { toNewsroomWallClock } from "../../lib/dates";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { SignInPage } from "../pages/SignInPage";
import { startInstance } from "./servers";
import { e2ePort, portsOf } from "../ports";

const m = messages.en;
const [port] = portsOf("twoInstances");
const second = `http://localhost:${port}`;
let stop: (() => void) | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stop = await startInstance(port);
});

test.afterAll(() => stop?.());

test("a session, the sign-in throttle and a publish all reach the second instance", async ({ browser }) => {
  test.setTimeout(180_000);
  // A session made on the first instance opens the desk on the second.
  const editor = await pageAs(browser, "editor");
  await editor.goto(`${second}/desk`);
  await expect(editor.getByRole("heading", { name: m.desk.dashboard })).toBeVisible();

  // Failed sign-ins on the first instance count on the second.
  const stranger = `nobody-${Date.now()}@copydesk.test`;
  const first = await (await browser.newContext()).newPage();
  const signIn = new SignInPage(first);
  for (let i = 0; i < 5; i++) {
    await signIn.goto();
    await signIn.signIn(stranger, "wrong-password");
    await expect(first.getByRole("alert").filter({ hasText: m.signin.wrongCredentials })).toBeVisible();
  }
  const other = await (await browser.newContext({ baseURL: second })).newPage();
  await new SignInPage(other).goto();
  await new SignInPage(other).signIn(stranger, "wrong-password");
  await expect(other.getByRole("alert").filter({ hasText: m.signin.throttled.slice(0, 30) })).toBeVisible();

  // The second instance has the front page and the section cached…
  const headline = `Zweite Instanz berichtet ${Date.now()}`;
  const readSecond = async (p: string) => (await fetch(`${second}${p}`)).text();
  for (let i = 0; i < 2; i++) {
    await readSecond("/");
    await readSecond("/sport");
  }
  // …when an article is published through the first.
  const desk = new ArticleEditorPage(editor);
  await desk.gotoNew();
  await desk.headline.fill(headline);
  await desk.section.selectOption({ label: "Sport" });
  await desk.clickBody();
  await editor.keyboard.type("Die Meldung kommt über die andere Instanz.");
  await desk.saved();
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  await desk.button(m.editor.publish).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const publishedAt = Date.now();
  await expect.poll(async () => (await readSecond("/")).includes(headline), { timeout: 15_000, intervals: [50] }).toBe(true);
  const delay = Date.now() - publishedAt;
  expect(await readSecond("/sport")).toContain(headline);
  console.log(`publish on instance 1 → on instance 2's front page after ${delay} ms`);
});

test("a scheduled article appears on both instances when it falls due, published once", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await pageAs(browser, "editor");
  const headline = `Geplant für beide Instanzen ${Date.now()}`;
  const desk = new ArticleEditorPage(editor);
  await desk.gotoNew();
  await desk.headline.fill(headline);
  await desk.section.selectOption({ label: "Kultur" });
  await desk.clickBody();
  await editor.keyboard.type("Erscheint zur geplanten Zeit, ohne dass jemand etwas tut.");
  await desk.saved();
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  const id = Number(/\/desk\/articles\/(\d+)/.exec(editor.url())![1]);

  // Scheduled on the first instance for an hour from now…
  await desk.button(m.editor.schedule).click();
  await editor.getByLabel(/Publish at/).fill(toNewsroomWallClock(new Date(Date.now() + 3_600_000)));
  await desk.button(m.editor.scheduleConfirm).click();
  await expect(editor.getByRole("status").filter({ hasText: /Scheduled for/ })).toBeVisible();
  const read = (origin: string, p: string) => fetch(`${origin}${p}`).then((r) => r.text());
  const first = `http://localhost:${e2ePort()}`;
  for (const origin of [first, second]) for (let i = 0; i < 2; i++) expect(await read(origin, "/kultur")).not.toContain(headline);

  // …and the hour passes (the clock is the database's: the schedule moves to two seconds from now).
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await db.query("update publications set visible_from = now() + interval '2 seconds', published_at = now() + interval '2 seconds' where article_id = $1", [id]);
    // Nobody acts: each instance's own ticker notices, and both section pages show it.
    for (const origin of [first, second]) {
      await expect.poll(() => read(origin, "/kultur").then((html) => html.includes(headline)), { timeout: 20_000, intervals: [250] }).toBe(true);
    }
    // Published once: one publication, one scheduling in the audit trail, no event from either
    // instance when it fell due (visibility is data, not a job that two instances could both run).
    const { rows } = await db.query<{ publications: number; events: string[] }>(
      `select (select count(*)::int from publications where article_id = $1) as publications,
              (select array_agg(action order by id) from article_events where article_id = $1) as events`,
      [id],
    );
    expect(rows[0].publications).toBe(1);
    expect(rows[0].events.filter((a) => a === "schedule")).toHaveLength(1);
    expect(rows[0].events.filter((a) => a === "publish")).toHaveLength(0);
  } finally {
    await db.end();
  }
});
