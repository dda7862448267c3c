// A reader without JavaScript reads an article with its comments, follows the section and a
// tag, searches, and posts a comment: reader pages are server-rendered HTML with plain forms.
import { expect, test } from "@playwright/test";
import { messages } from "../i18n";

const de = messages.de;
const HEADLINE = "Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden";

test.use({
  javaScriptEnabled: false,
  // Its own address for the comment rate limit (5 per poster in 10 minutes), so this journey
  // neither eats the other comment journeys' allowance nor depends on their order.
  extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.23" },
});

test("without JavaScript a reader reads, browses, searches and comments", async ({ page }) => {
  // The front page links to the article; the article is all there.
  await page.goto("/");
  await page.getByRole("link", { name: HEADLINE }).click();
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
  await expect(page.getByRole("link", { name: HEADLINE })).toBeVisible();

  // The masthead's search form is a plain GET form.
  const search = page.getByRole("banner").getByRole("search");
  await search.getByLabel(de.site.searchLabel).fill("Bürgerentscheid");
  await search.getByRole("button", { name: de.site.searchSubmit }).click();
  await expect(page).toHaveURL(/\/search\?q=B%C3%BCrgerentscheid/);
  await expect(page.getByRole("heading", { level: 1, name: de.site.searchResultsFor.replace("{q}", "Bürgerentscheid") })).toBeVisible();
  await page.getByRole("link", { name: HEADLINE }).click();
  await expect(page).toHaveURL(new RegExp(`${articlePath}$`));

  // The comment form posts and the answer comes back as a status message, wherever it is shown.
  await page.getByLabel(de.comments.nameLabel).fill("Nora Noscript");
  await page.getByLabel(de.comments.textLabel).fill("Gelesen und kommentiert, ganz ohne JavaScript.");
  await page.getByRole("button", { name: de.comments.submit }).click();
  await expect(page.getByRole("status")).toContainText(de.comments.pending);
  // Pre-moderated: not shown until an editor approves it.
  await page.goto(articlePath);
  await expect(page.getByText("Gelesen und kommentiert, ganz ohne JavaScript.")).toHaveCount(0);
});
