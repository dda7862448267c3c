// The article page counts a reader's visit with a beacon and shows the count (server-rendered,
// so it may lag by the flush interval and the page cache); the short link has a copy button.
import { devices, expect, test } from "@playwright/test";
import { messages } from "../i18n";

const ARTICLE = "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden";
const de = messages.de.article;
const en = messages.en.article;

test("opening an article sends a view beacon, and after a reload the count has gone up", async ({ browser }) => {
  // The page is cached; the count in it is refreshed about once a minute (VIEW_COUNT_SECONDS in lib/cache/reader.ts).
  test.setTimeout(300_000);
  // A reader who has not read this article yet: earlier journeys read it with the same browser
  // from the same address, and a reader's repeat views within half an hour count once.
  const context = await browser.newContext({ ...devices["Desktop Chrome"], userAgent: `${devices["Desktop Chrome"].userAgent} Reader/${Date.now()}` });
  const page = await context.newPage();
  const article = page.getByRole("article");
  const views = article.getByText(/^[\d.]+ Aufrufe?$/); // German article: "1.234 Aufrufe"
  const count = async () => Number((await views.textContent())!.replace(/\D/g, ""));

  const beacon = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/views" && r.method() === "POST");
  await page.goto(ARTICLE);
  const sent = await beacon;
  const id = Number(new URL(await article.getByRole("link", { name: /\/a\/\d+$/ }).getAttribute("href") ?? "", page.url()).pathname.split("/").pop());
  expect(JSON.parse(sent.postData() ?? "{}")).toEqual({ articleId: id });
  const before = await count();

  // Views are written every couple of seconds and the cached page shows them within a minute or two: poll.
  await expect
    .poll(
      async () => {
        await page.reload();
        return count();
      },
      { timeout: 240_000, intervals: [2_000, 5_000, 10_000] },
    )
    .toBeGreaterThan(before);

  // What the endpoint refuses: not an article id.
  expect((await page.request.post("/api/views", { data: { articleId: "eins" }, headers: { "user-agent": devices["Desktop Chrome"].userAgent } })).status()).toBe(400);
  await context.close();
});

test("without JavaScript the count and the short link are there, and no button that would do nothing", async ({ browser }) => {
  const context = await browser.newContext({ ...devices["Desktop Chrome"], javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const article = page.getByRole("article");
  await expect(article.getByText(/^[\d.]+ Aufrufe?$/)).toBeVisible();
  await expect(article.getByText(`${de.shortLink}:`)).toBeVisible();
  await expect(article.getByRole("link", { name: /\/a\/\d+$/ })).toHaveAttribute("href", /^\/a\/\d+$/);
  await expect(article.getByRole("button", { name: de.copyLink })).toHaveCount(0);
  await context.close();
});

test("the copy button puts the short link on the clipboard and says so politely", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ ...devices["Desktop Chrome"], permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto("/sport");
  await page.getByRole("link", { name: /Elbstadt rowers reach national eights final/ }).first().click();
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "en");
  await expect(article.getByText(/^[\d,]+ views?$/)).toBeVisible(); // English article: "1,234 views"
  const href = await article.getByRole("link", { name: /\/a\/\d+$/ }).getAttribute("href");

  const liveRegion = article.locator('[aria-live="polite"]');
  await expect(liveRegion).toBeEmpty(); // there before anything is said, so screen readers follow it
  await article.getByRole("button", { name: en.copyLink }).click();
  await expect(liveRegion).toHaveText(en.copied);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${href}`);

  // The short link itself leads to the article.
  const response = await page.request.get(href!, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(new URL(response.headers().location, baseURL).pathname).toBe(new URL(page.url()).pathname);
  await context.close();
});
