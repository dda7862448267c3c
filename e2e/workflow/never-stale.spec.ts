// Reader pages are cached (rendered once, then served from memory). This journey proves the
// cache really serves them, and that a reader never sees a page from before a publish, an
// update or an unpublish: every check right after a desk action reads the page once — no
// waiting, no retries.
import { type APIRequestContext } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

/** One plain GET, as a reader's browser would make it; the body and whether the cache answered. */
async function read(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), html: await response.text(), cache: response.headers()["x-nextjs-cache"] ?? "" };
}

test("cached reader pages change the moment the desk publishes, updates or unpublishes", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(240_000);
  const reader = await playwright.request.newContext({ baseURL });
  const stamp = Date.now();
  const headline = `Fährhaus wird Bürgertreff ${stamp}`;
  const tag = `Fährhaus ${stamp}`;
  const tagSlug = `faehrhaus-${stamp}`;

  // The editor writes and publishes an article in Kultur with a new tag.
  const editor = await pageAs(browser, "editor");
  const desk = new ArticleEditorPage(editor);
  await desk.gotoNew();
  await desk.headline.fill(headline);
  await desk.standfirst.fill("Erste Fassung des Vorspanns.");
  await desk.section.selectOption({ label: "Kultur" });
  await desk.clickBody();
  await editor.keyboard.type("Das alte Fährhaus am Anleger wird ein Treffpunkt für das Viertel.");
  await editor.getByLabel(m.editor.addTag, { exact: true }).fill(tag);
  await editor.getByLabel(m.editor.addTag, { exact: true }).press("Enter");
  await desk.saved();
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  const articleUrl = editor.url();

  // Before it is published, readers' caches fill with the pages that will change.
  const lists = ["/", "/kultur", `/tags/${tagSlug}`, "/feeds/rss.xml", "/feeds/section/kultur/atom.xml"];
  const search = `/search?q=${encodeURIComponent(`Fährhaus ${stamp}`)}`;
  for (const path of [...lists, search]) await read(reader, path);
  await read(reader, "/kultur/nicht-da"); // some other address in the section

  await desk.button(m.editor.publish).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const live = await editor.getByRole("link", { name: m.editor.viewLive }).getAttribute("href");
  expect(live).toMatch(/^\/kultur\/faehrhaus-wird-buergertreff-\d+$/);

  // Published: on its page and in every list that shows it, at once.
  const first = await read(reader, live!);
  expect(first.status).toBe(200);
  expect(first.html).toContain("Erste Fassung des Vorspanns.");
  for (const path of [...lists, search]) expect((await read(reader, path)).html, path).toContain(headline);
  // …and soon served from the cache (pages rendered in the few seconds after a change are
  // not kept: their render may have begun before it).
  await expect
    .poll(async () => {
      const again = await read(reader, live!);
      expect(again.html).toContain("Erste Fassung des Vorspanns.");
      return again.cache;
    }, { timeout: 20_000 })
    .toBe("HIT");
  await expect.poll(async () => (await read(reader, "/kultur")).cache, { timeout: 20_000 }).toBe("HIT");

  // Updated: the new standfirst replaces the old one on the article and in the lists.
  await editor.goto(articleUrl);
  await desk.standfirst.fill("Zweite Fassung des Vorspanns.");
  await desk.saved();
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  await desk.button(m.editor.publishUpdate).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const updated = await read(reader, live!);
  expect(updated.html).toContain("Zweite Fassung des Vorspanns.");
  expect(updated.html).not.toContain("Erste Fassung des Vorspanns.");
  for (const path of lists) {
    const page = await read(reader, path);
    // The home page shows a standfirst only in its large slots, and a journey publishing beside
    // this one may take the lead meanwhile: there, the old standfirst must be gone.
    if (path !== "/") expect(page.html, path).toContain("Zweite Fassung des Vorspanns.");
    expect(page.html, path).not.toContain("Erste Fassung des Vorspanns.");
  }

  // Unpublished: gone from its address (410, or 404 until the gone list reaches this
  // instance — never the article) and from every list.
  await desk.button(m.editor.unpublish).click();
  await desk.button(m.editor.unpublishConfirm).click();
  await expect(editor.getByText(m.editor.unpublished)).toBeVisible();
  const gone = await read(reader, live!);
  expect([404, 410]).toContain(gone.status);
  expect(gone.html).not.toContain("Zweite Fassung des Vorspanns.");
  for (const path of [...lists, search]) expect((await read(reader, path)).html, path).not.toContain(headline);
  await reader.dispose();
});
