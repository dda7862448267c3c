// Writing together across instances: two more app instances on the test server's PostgreSQL,
// both with REDIS_URL, so that a shared document open on both is kept in step through Redis
// (@hocuspocus/extension-redis). A journalist writes on one instance while the editor writes on
// the other: both screens converge on every character typed, the database holds it, and the
// editor publishes the converged text from the instance the journalist is not on. The dashboard
// of either instance names both as being in the article.
// (This project exists only when the journeys run on PostgreSQL.)
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage, typedBy } from "../pages/ArticleEditorPage";
import { startInstance } from "./servers";
import { portsOf } from "../ports";

const m = messages.en;
const [portA, portB] = portsOf("coEditingRedis");
const [instanceA, instanceB] = [`http://localhost:${portA}`, `http://localhost:${portB}`];
// CI has Redis on 127.0.0.1:6379; E2E_REDIS_URL picks another database (or server).
const redisUrl = process.env.E2E_REDIS_URL || "redis://127.0.0.1:6379/1";
const stops: (() => void)[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  for (const port of [portA, portB]) stops.push(await startInstance(port, { REDIS_URL: redisUrl }));
});

test.afterAll(() => {
  for (const stop of stops) stop();
});

test("a journalist on one instance and an editor on another write at once: both converge, and publishing on the other instance publishes the converged text", async ({ browser }) => {
  test.setTimeout(300_000);
  const journalist = await pageAs(browser, "journalist");
  const a = new ArticleEditorPage(journalist);
  await journalist.goto(`${instanceA}/desk/articles/new`);
  const headline = `Über zwei Instanzen ${Date.now()}`;
  await a.headline.fill(headline);
  await a.section.selectOption({ label: "Wirtschaft" });
  await journalist.getByRole("button", { name: m.editor.startWriting }).click();
  await journalist.waitForURL(/\/desk\/articles\/\d+$/);
  await expect(a.body).toBeEditable();
  await a.clickBody();
  await journalist.keyboard.type("0: "); // nobody's alphabet
  const path = new URL(journalist.url()).pathname;

  const editor = await pageAs(browser, "editor");
  const e = new ArticleEditorPage(editor);
  await editor.goto(`${instanceB}${path}`);
  await expect(e.body).toBeEditable();
  await expect(e.body).toContainText("0:");

  // Each types from an alphabet of their own, at the end of the same paragraph, at the same time.
  const people = [
    { page: journalist, ed: a, alphabet: "abcdefgä" },
    { page: editor, ed: e, alphabet: "pqrstuvü" },
  ];
  const typed = ["", ""];
  await Promise.all(
    people.map(async (p, i) => {
      for (let round = 0; round < 8; round++) {
        const chunk = [...Array(5)].map((_, k) => p.alphabet[(round + k) % p.alphabet.length]).join("");
        await p.ed.clickBody();
        await p.page.keyboard.press("ControlOrMeta+End");
        await p.page.keyboard.type(chunk);
        typed[i] += chunk;
      }
    }),
  );

  await expect.poll(async () => new Set(await Promise.all(people.map((p) => p.ed.writtenText()))).size, { timeout: 30_000 }).toBe(1);
  const converged = await a.writtenText();
  people.forEach((p, i) => expect(typedBy(converged, p.alphabet)).toBe(typed[i]));
  for (const p of people) await expect(p.ed.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 30_000 });

  // Whoever opens the dashboard, on either instance, sees both people in the article.
  const desk = await pageAs(browser, "admin");
  for (const origin of [instanceA, instanceB]) {
    await desk.goto(`${origin}/desk`);
    const beingEdited = desk.getByRole("region", { name: m.desk.beingEditedHeading }).getByRole("listitem").filter({ has: desk.getByRole("link", { name: headline }) });
    await expect(beingEdited).toContainText("Jonas Weber");
    await expect(beingEdited).toContainText("Lena Kämpfer");
  }

  // The editor publishes on instance B: readers get the converged text, on either instance.
  await e.button(m.editor.publish).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const live = (await editor.getByRole("link", { name: m.editor.viewLive }).getAttribute("href"))!;
  const reader = await readerPage(browser);
  for (const origin of [instanceA, instanceB]) {
    await reader.goto(`${origin}${live}`);
    await expect(reader.getByRole("article").getByRole("paragraph").filter({ hasText: "0:" })).toHaveText(converged.trim());
  }
});
