// The article page counts a reader's visit with a beacon and shows the count (server-rendered,
// so it may lag by the flush interval and the page cache); the short link has a copy button.
import { devices } from "@playwright/test";
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const de = messages.de.article;
const en = messages.en.article;

test("opening an article sends a view beacon, and after a reload the count has gone up", async ({ browser, factory, runId }) => {
  const { url } = await factory.published({ headline: `Gezählte Aufrufe ${runId}`, paragraphs: ["Wer liest, wird gezählt."] });
  const context = await browser.newContext({ ...devices["Desktop Chrome"] });
  const page = await context.newPage();
  const article = page.getByRole("article");
  const views = article.getByText(/^[\d.]+ Aufrufe?$/); // German article: "1.234 Aufrufe"
  const count = async () => Number((await views.textContent())!.replace(/\D/g, ""));

  const beacon = page.waitForRequest((r) => new URL(r.url()).pathname === "/api/views" && r.method() === "POST");
  await page.goto(url);
  const sent = await beacon;
  const id = Number(new URL(await article.getByRole("link", { name: /\/a\/\d+$/ }).getAttribute("href") ?? "", page.url()).pathname.split("/").pop());
  expect(JSON.parse(sent.postData() ?? "{}")).toEqual({ articleId: id });
  const before = await count();

  // Views are written every couple of seconds, and the cached page shows them once its data is
  // older than COPYDESK_VIEW_COUNT_SECONDS (a minute in production, 3 s on the e2e server): poll.
  await expect
    .poll(
      async () => {
        await page.reload();
        return count();
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBeGreaterThan(before);

  // What the endpoint refuses: not an article id.
  expect((await page.request.post("/api/views", { data: { articleId: "eins" }, headers: { "user-agent": devices["Desktop Chrome"].userAgent } })).status()).toBe(400);
  await context.close();
});

test("without JavaScript the count and the short link are there, and no button that would do nothing", async ({ browser, factory, runId }) => {
  const { url } = await factory.published({ headline: `Ohne Skript ${runId}` });
  const context = await browser.newContext({ ...devices["Desktop Chrome"], javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const article = page.getByRole("article");
  await expect(article.getByText(/^[\d.]+ Aufrufe?$/)).toBeVisible();
  await expect(article.getByText(`${de.shortLink}:`)).toBeVisible();
  await expect(article.getByRole("link", { name: /\/a\/\d+$/ })).toHaveAttribute("href", /^\/a\/\d+$/);
  await expect(article.getByRole("button", { name: de.copyLink })).toHaveCount(0);
  await context.close();
});

test("the copy button puts the short link on the clipboard and says so politely", async ({ browser, baseURL, factory, runId }) => {
  const headline = `Rowers reach the final ${runId}`;
  const { url } = await factory.published({ headline, section: "sport", language: "en", paragraphs: ["The eight won by a length."] });
  const context = await browser.newContext({ ...devices["Desktop Chrome"], permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(url);
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
