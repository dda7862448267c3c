// Readers search the archive; German words are found in their other forms (stemming).
import { expect, test } from "@playwright/test";
import { messages } from "../i18n";

const site = messages.de.site; // the demo site's language is German

test("a reader searches in German and finds inflected forms, with the match highlighted", async ({ page }) => {
  await page.goto("/");
  const search = page.getByRole("search").first();
  await search.getByLabel(site.searchLabel).fill("Fähre");
  await search.getByRole("button", { name: site.searchSubmit }).click();

  await expect(page).toHaveURL(/\/search\?q=F%C3%A4hre/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ergebnisse für „Fähre“");
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) }).first();
  await expect(first.getByRole("link")).toHaveText(/Werft Südufer/);
  await expect(first.locator("mark").first()).toHaveText(/^Fähren$/i);

  await first.getByRole("link").click();
  await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(/Werft Südufer/);
});

test("an English article is found by its English word forms, and nonsense finds nothing", async ({ page }) => {
  await page.goto("/search?q=surveys");
  const hit = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(hit.first().getByRole("link")).toHaveText(/Seagrass is returning/);
  await expect(hit.first()).toHaveAttribute("lang", "en");

  await page.goto("/search?q=%22unbalanced+(quote+%26+%7C+!");
  await expect(page.getByText("Keine Artikel gefunden.")).toBeVisible();
});
