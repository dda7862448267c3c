// From an article, readers follow the byline to the author's page (photo, biography, her articles)
// and a tag to its topic page.
import { expect, test } from "@playwright/test";
import { messages } from "../i18n";

const site = messages.de.site;

test("byline and tag links lead to the author's page (photo, biography) and the topic's, each listing their articles", async ({ page }) => {
  await page.goto("/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden");
  const article = page.getByRole("article");
  const headline = await article.getByRole("heading", { level: 1 }).textContent();

  await article.getByRole("link", { name: "Lena Kämpfer", exact: true }).click();
  await expect(page).toHaveURL(/\/authors\/lena-kaempfer$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lena Kämpfer");
  // Her photo and biography (the demo's, chosen on her profile) introduce her.
  await expect(page.getByRole("img", { name: "Porträt von Lena Kämpfer" })).toBeVisible();
  await expect(page.getByText("Reporterin für Stadt, Wirtschaft und Wissenschaft.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: site.authorArticles.replace("{name}", "Lena Kämpfer") })).toBeVisible();
  await expect(page.getByRole("link", { name: headline! })).toBeVisible();

  await page.getByRole("link", { name: headline! }).click();
  await page.getByRole("article").getByRole("link", { name: "Verkehr", exact: true }).click();
  await expect(page).toHaveURL(/\/tags\/verkehr$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verkehr");
  await expect(page.getByRole("link", { name: headline! })).toBeVisible();

  const missing = await page.request.get("/authors/niemand");
  expect(missing.status()).toBe(404);
});
