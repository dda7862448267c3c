// A reader without JavaScript reads an article with its comments, follows the section and a
// tag, searches, and posts a comment: reader pages are server-rendered HTML with plain forms.
import { expect, test } from "@playwright/test";
import { messages } from "../i18n";

const de = messages.de;
const HEADLINE = "Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden";

// One comment from this journey; the comment journeys post three more from the same address,
// within the allowance of 5 per address in 10 minutes (X-Forwarded-For is not believed here).
test.use({ javaScriptEnabled: false });

test("without JavaScript a reader reads, browses, searches and comments", async ({ page }) => {
  // The masthead's search form is a plain GET form; it leads to the demo's article (journeys
  // running beside this one publish their own articles, so the front page may no longer show it).
  await page.goto("/");
  await expect(page.getByRole("main").getByRole("link").first()).toBeVisible();
  const search = page.getByRole("banner").getByRole("search");
  await search.getByLabel(de.site.searchLabel).fill("Bürgerentscheid");
  await search.getByRole("button", { name: de.site.searchSubmit }).click();
  await expect(page).toHaveURL(/\/search\?q=B%C3%BCrgerentscheid/);
  await expect(page.getByRole("heading", { level: 1, name: de.site.searchResultsFor.replace("{q}", "Bürgerentscheid") })).toBeVisible();
  await page.getByRole("link", { name: HEADLINE }).click();

  // The article is all there.
  const article = page.getByRole("article");
  await expect(article.getByRole("heading", { level: 1, name: HEADLINE })).toBeVisible();
  await expect(article.getByText(/^Die Zukunft der Hafenstraße wird nicht im Ratssaal entschieden/)).toBeVisible();
  await expect(page.locator("figure.article__lead").getByRole("img")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: de.comments.heading.replace("{count}", "3") })).toBeVisible();
  await expect(page.getByText("Endlich dürfen wir mitreden.", { exact: false })).toBeVisible();
  const articlePath = new URL(page.url()).pathname;

  // A tag, then the section from the masthead.
  await article.getByRole("link", { name: "Verkehr", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/verkehr$/);
  await expect(page.getByRole("heading", { level: 1, name: "Verkehr" })).toBeVisible();
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
