// Two reporters and an editor run a live blog while a reader keeps its page open: entries reach
// the open page without a reload (offered, announced politely, shown on request), a pinned entry
// stays on top, an edited one says "updated", ending the blog stops the updates, and the page
// works without JavaScript and passes axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "../fixtures";
import { messages } from "../i18n";
import { LiveBlogPanel } from "../pages/LiveBlogPanel";

const r = messages.de.liveReader; // the article is German: so is its reader page
const YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
const YOUTUBE_FRAME_ORIGIN = "https://www.youtube-nocookie.com";
const YOUTUBE_FRAME = `${YOUTUBE_FRAME_ORIGIN}/embed/dQw4w9WgXcQ`;

test("two reporters and an editor run a live blog that readers follow live", async ({ as, reader, factory, runId, browser, baseURL }) => {
  test.setTimeout(180_000);
  const article = await factory.published({ headline: `Liveticker Sturmflut ${runId}`, paragraphs: ["Alle Entwicklungen im Überblick."] });

  // The editor makes it a live blog and lets the journalist publish entries directly.
  const editor = new LiveBlogPanel(await as("editor"));
  await editor.goto(article.editUrl);
  await editor.makeLive();
  await expect(editor.region.getByRole("status").filter({ hasText: editor.m.stateLive })).toBeVisible();
  await editor.allowPublisher("Lena Kämpfer");
  await expect(editor.region.getByText(editor.m.publishersSaved)).toBeVisible();

  // A reader opens the page and keeps it open. Every request leaving the site is intercepted
  // (there is no network here): a provider's frame gets a stand-in, anything else fails.
  const page = await reader();
  const outside: string[] = [];
  await page.context().route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(baseURL!)) return route.continue();
    outside.push(url);
    if (url.startsWith(`${YOUTUBE_FRAME_ORIGIN}/`)) return route.fulfill({ status: 200, contentType: "text/html", body: '<!doctype html><html lang="de"><title>stand-in</title><p>Stand-in</p></html>' });
    return route.abort();
  });
  const stream = page.waitForRequest((req) => req.url().endsWith(`/api/live/${article.id}/events`));
  const opened = await page.goto(article.url);
  await stream;
  // The blog runs: an entry may bring any provider's embed while the page is open, so its policy
  // allows their frames (nothing is asked of them until the reader agrees, below).
  expect(opened!.headers()["content-security-policy"]).toMatch(new RegExp(`frame-src [^;]*${YOUTUBE_FRAME_ORIGIN.replace(/\./g, "\\.")}`));
  const live = page.getByRole("region", { name: r.heading });
  await expect(live.getByText(r.noEntries)).toBeVisible();
  // Feed readers find the blog's own feed of entries from the page (RSS and Atom).
  await expect(page.locator(`head link[rel="alternate"][type="application/rss+xml"][href$="/feeds/live/${article.id}/rss.xml"]`)).toHaveCount(1);
  await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href$="/feeds/live/${article.id}/atom.xml"]`)).toHaveCount(1);
  // While nothing happens the open page asks nothing: the server's event stream tells it when
  // the blog changed (after the one question on opening the stream).
  await page.waitForTimeout(1_000);
  const idleQuestions: string[] = [];
  const countQuestion = (req: { url(): string }) => void (req.url().includes(`/api/live/${article.id}?`) && idleQuestions.push(req.url()));
  page.on("request", countQuestion);
  await page.waitForTimeout(2_500);
  page.off("request", countQuestion);
  expect(idleQuestions).toEqual([]);
  const show = live.getByRole("button", { name: /anzeigen$/ });
  /** The page offers what came (visible within 2 s of the desk's confirmation) with these words. */
  const offered = async (text: string) => {
    await expect(show).toBeVisible({ timeout: 2_000 });
    await expect(show).toHaveText(text);
  };

  // Reporter 1 (the journalist, named by the editor) publishes directly.
  const lena = new LiveBlogPanel(await as("journalist"));
  await lena.goto(article.editUrl);
  await lena.write("Deich bei Husum", "Der Deich hält – „noch“, sagt die Feuerwehr.", "publish");
  await expect(lena.region.getByText(lena.m.entryPublished)).toBeVisible();
  const confirmed = Date.now(); // the desk has the publish's answer: it has committed
  await offered(r.newOne);
  console.log(`published (desk confirmed) → offered on the open page: ${Date.now() - confirmed} ms`);
  await expect(live.getByRole("status")).toContainText(r.newOne);
  // Nothing moved under the reader: the entry waits for the click.
  await expect(live.getByRole("article", { name: "Deich bei Husum" })).toHaveCount(0);
  await show.click();
  await expect(live.getByRole("article", { name: "Deich bei Husum" })).toBeVisible();

  // Reporter 2 (the admin, writing as a reporter) hands in a draft; the editor, whose desk page has
  // been open all along, sees it arrive without reloading and publishes it.
  const ada = new LiveBlogPanel(await as("admin"));
  await ada.goto(article.editUrl);
  await ada.write("Fähren fallen aus", "Keine Fähren nach Sylt bis auf Weiteres.", "draft");
  await expect(ada.region.getByText(ada.m.draftSaved)).toBeVisible();
  await expect(editor.entry("Fähren fallen aus")).toBeVisible({ timeout: 5_000 });
  await expect(editor.entry("Deich bei Husum")).toContainText(editor.m.publishedAt); // Lena's publish reached it too
  await editor.publish("Fähren fallen aus");
  await expect(editor.entry("Fähren fallen aus")).toContainText(editor.m.publishedAt);
  await offered(r.newOne);
  await show.click();
  const entries = live.getByRole("list", { name: r.entriesList }).getByRole("article");
  await expect(entries).toHaveText([/Fähren fallen aus/, /Deich bei Husum/]); // newest first

  // The editor pins the first entry and marks it a key event: it moves on top when the reader asks.
  await editor.pin("Deich bei Husum");
  await expect(editor.button(`${editor.m.unpin}: Deich bei Husum`)).toBeVisible();
  await offered(r.updatedOne);
  await editor.markKeyEvent("Deich bei Husum");
  await expect(editor.button(`${editor.m.unmarkKeyEvent}: Deich bei Husum`)).toBeVisible();
  // Both changes may arrive in one poll or two: show what has come until the page has both.
  await expect(async () => {
    if (await show.isVisible()) await show.click();
    await expect(live.getByRole("list", { name: r.pinnedList }).getByRole("article")).toHaveText([/Deich bei Husum/], { timeout: 500 });
    await expect(page.getByRole("navigation", { name: r.keyEvents }).getByRole("link")).toHaveAttribute("href", /#entry-\d+$/, { timeout: 500 });
  }).toPass({ timeout: 5_000 });

  // The journalist corrects her entry: it says "updated".
  await lena.goto(article.editUrl);
  await lena.edit("Deich bei Husum", " Pegel sinkt.");
  await expect(lena.entry("Deich bei Husum")).toContainText(lena.m.updated);
  await offered(r.updatedOne);
  await show.click();
  const pinned = live.getByRole("article", { name: "Deich bei Husum" });
  await expect(pinned).toContainText("Pegel sinkt.");
  await expect(pinned).toContainText(r.updated);

  // An entry with a video arrives while the page is open: a placeholder, nothing from YouTube until
  // the reader agrees, then exactly the video's embed address.
  await lena.write("Video vom Deich", `Aufnahmen der Feuerwehr:\n${YOUTUBE_URL}\n`, "publish");
  await expect(lena.region.getByText(lena.m.entryPublished)).toBeVisible();
  // The editor's desk lists it with its embed named, not just its words.
  await expect(editor.entry("Video vom Deich")).toContainText(`[YouTube: ${YOUTUBE_URL}]`);
  await offered(r.newOne);
  await show.click();
  const video = live.getByRole("article", { name: "Video vom Deich" });
  const consent = video.getByRole("button", { name: "Inhalt von YouTube laden – dabei werden Daten an YouTube übertragen" });
  await expect(consent).toBeVisible();
  await expect(video.getByRole("link", { name: /youtube\.com\/watch\?v=dQw4w9WgXcQ/ })).toBeVisible();
  expect(outside).toEqual([]);
  await consent.click();
  await expect(video.locator("iframe")).toHaveAttribute("src", YOUTUBE_FRAME);
  await expect(page.frameLocator("figure.embed--loaded iframe").getByText("Stand-in")).toBeVisible();
  expect(outside).toEqual([YOUTUBE_FRAME]);

  // Ending the blog stops the page from asking.
  await editor.end();
  await expect(live.getByText(r.endedNow)).toBeVisible({ timeout: 3_000 });
  const asked: string[] = [];
  page.on("request", (req) => {
    if (req.url().includes("/api/live/")) asked.push(req.url());
  });
  await page.waitForTimeout(2_500);
  expect(asked).toEqual([]);
  // And the server holds no stream open for it any more (204: a browser's EventSource stops
  // asking), nor for an address no blog has (404).
  expect((await page.request.get(`/api/live/${article.id}/events`)).status()).toBe(204);
  expect((await page.request.get(`/api/live/2147483000/events`)).status()).toBe(404);

  // axe, on the page as it is now.
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

  // Without JavaScript: the same entries, pinned on top, key events linking to permalinks.
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto(article.url);
  const still = plain.getByRole("region", { name: r.heading });
  await expect(still.getByText(r.ended, { exact: true })).toBeVisible();
  await expect(still.getByRole("list", { name: r.pinnedList }).getByRole("article")).toHaveText([/Deich bei Husum.*Pegel sinkt\./s]);
  await expect(still.getByRole("list", { name: r.entriesList }).getByRole("article")).toHaveText([/Video vom Deich/, /Fähren fallen aus/]);
  await plain.getByRole("navigation", { name: r.keyEvents }).getByRole("link").click();
  await expect(plain).toHaveURL(/#entry-\d+$/);
  await plain.context().close();
});
