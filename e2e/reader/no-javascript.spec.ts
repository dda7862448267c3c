// A reader without JavaScript reads an article with its comments, follows the section and a
// tag, searches, and posts a comment: reader pages are server-rendered HTML with plain forms.
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const de = messages.de;

test.use({ javaScriptEnabled: false });

test("without JavaScript a reader reads, browses, searches and comments", async ({ page, factory, runId }) => {
  const headline = `Bürgerentscheid ohne Skript ${runId}`;
  const tag = `Verkehr ${runId}`;
  await factory.published({
    headline,
    section: "politik",
    tags: [tag],
    paragraphs: [`Die Zukunft der Hafenstraße ${runId} wird nicht im Ratssaal entschieden.`],
    leadImage: { caption: "Die Hafenstraße.", alt: "Eine breite Straße vor bunten Giebelhäusern" },
    comments: [
      { name: "Margit", text: "Endlich dürfen wir mitreden." },
      { name: "Ole", text: "Und die Bäume?" },
      { name: "Aylin", text: "Die Fähre nicht vergessen." },
    ],
  });
  // The masthead's search form is a plain GET form; it leads to the article.
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link").first()).toBeVisible();
  const search = page.getByRole("banner").getByRole("search");
  await search.getByLabel(de.site.searchLabel).fill(`Bürgerentscheid ${runId}`);
  await search.getByRole("button", { name: de.site.searchSubmit }).click();
  await expect(page).toHaveURL(/\/search\?q=B%C3%BCrgerentscheid/);
  await expect(page.getByRole("heading", { level: 1, name: de.site.searchResultsFor.replace("{q}", `Bürgerentscheid ${runId}`) })).toBeVisible();
  await page.getByRole("link", { name: headline }).click();

  // The article is all there.
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1, name: headline })).toBeVisible();
  await expect(article.getByText(/^Die Zukunft der Hafenstraße/)).toBeVisible();
  await expect(page.locator("figure.article__lead").getByRole("img")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: de.comments.heading.replace("{count}", "3") })).toBeVisible();
  await expect(page.getByText("Endlich dürfen wir mitreden.", { exact: false })).toBeVisible();
  const articlePath = new URL(page.url()).pathname;

  // A tag, then the section from the masthead.
  await article.getByRole("link", { name: tag, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/tags/verkehr-${runId}$`));
  await expect(page.getByRole("heading", { level: 1, name: tag })).toBeVisible();
  await page.getByRole("navigation", { name: de.site.sectionsNav }).getByRole("link", { name: "Politik" }).click();
  await expect(page).toHaveURL(/\/politik$/);
  await expect(page.getByRole("heading", { level: 1, name: "Politik" })).toBeVisible();

  // The comment form posts and the answer comes back as a status message, wherever it is shown.
  await page.goto(articlePath);
  await page.getByLabel(de.comments.nameLabel).fill("Nora Noscript");
  await page.getByLabel(de.comments.textLabel).fill("Gelesen und kommentiert, ganz ohne JavaScript.");
  await page.getByRole("button", { name: de.comments.submit }).click();
  await expect(page.getByRole("status")).toContainText(de.comments.pending);
  // Pre-moderated: not shown until an editor approves it.
  await page.goto(articlePath);
  await expect(page.getByText("Gelesen und kommentiert, ganz ohne JavaScript.")).toHaveCount(0);
});

test("without JavaScript a mistyped article address still says it is not there, with a way home", async ({ page }) => {
  // Next sends a missing article's 404 as an empty shell that only its runtime fills in
  // (vercel/next.js#95613); the server sends the site's 404 page instead.
  for (const path of ["/politik/diesen-artikel-gibt-es-nicht", "/gibt-es/nicht"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: de.site.notFoundTitle })).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: de.site.backHome })).toHaveAttribute("href", "/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
  }
});

test("reader pages download the site's stylesheet only, not the desk's", async ({ page, as, factory, runId }) => {
  /** The text of every stylesheet a page links, as the browser downloads it. */
  const stylesheets = async (p: typeof page) => {
    const hrefs = await p.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
    return Promise.all(hrefs.map(async (href) => (await p.request.get(href)).text()));
  };
  // Rules only desk pages use: the article tables, the editor's toolbar, the media library.
  const deskOnly = [".desk-table", ".toolbar__group", ".media-grid"];
  const { url } = await factory.published({ headline: `Stilfrage ${runId}`, section: "kultur" });
  for (const path of ["/", url, "/gibt/es/nicht"]) {
    await page.goto(path);
    const css = (await stylesheets(page)).join("\n");
    expect(css, `${path}: the site's own rules`).toContain(".article__headline");
    for (const rule of deskOnly) expect(css, `${path} loads ${rule}`).not.toContain(rule);
  }
  // The desk still has them (and the reader's, for its previews).
  const desk = await as("editor");
  await desk.goto("/desk");
  const deskCss = (await stylesheets(desk)).join("\n");
  for (const rule of [...deskOnly, ".article__headline"]) expect(deskCss, `the desk loads ${rule}`).toContain(rule);
});
