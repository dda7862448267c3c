// Readers search the archive; German words are found in their other forms (stemming).
import { expect, test } from "../fixtures";
import { messages } from "../i18n";

const site = messages.de.site; // the demo site's language is German

test("a reader searches in German and finds inflected forms, with the match highlighted", async ({ page, factory, runId }) => {
  // Its own article, found by its run id plus a word in another form than the one searched for.
  const headline = `Werft ${runId} baut neue Schiffe`;
  await factory.published({ headline, section: "wirtschaft", paragraphs: [`Die Werft ${runId} baut zwei neue Fähren für den Hafen.`] });
  const q = `Fähre ${runId}`;
  await page.goto("/");
  const search = page.getByRole("search").first();
  await search.getByLabel(site.searchLabel).fill(q);
  await search.getByRole("button", { name: site.searchSubmit }).click();

  await expect(page).toHaveURL(/\/search\?q=F%C3%A4hre/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Ergebnisse für „${q}“`);
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) }).first();
  await expect(first.getByRole("link")).toHaveText(headline);
  await expect(first.locator("mark").filter({ hasText: /^Fähren$/i })).toHaveCount(1);

  await first.getByRole("link").click();
  await expect(page.getByRole("article").getByRole("heading", { level: 1 })).toHaveText(headline);
});

test("an English article is found by its English word forms, and nonsense finds nothing", async ({ page, factory, runId }) => {
  const headline = `Seagrass ${runId} is returning to the river flats, survey finds`;
  await factory.published({ headline, section: "wissen", language: "en", paragraphs: ["The meadows below the harbour have grown back."] });
  await page.goto(`/search?q=${encodeURIComponent(`surveys ${runId}`)}`);
  const hit = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) });
  await expect(hit.first().getByRole("link")).toHaveText(headline);
  await expect(hit.first()).toHaveAttribute("lang", "en");

  await page.goto("/search?q=%22unbalanced+(quote+%26+%7C+!");
  await expect(page.getByText("Keine Artikel gefunden.")).toBeVisible();
});

test("on a phone the masthead's search field shows its whole placeholder and keeps its name", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/");
  const banner = page.getByRole("banner");
  const field = banner.getByRole("searchbox", { name: site.searchLabel });
  const submit = banner.getByRole("button", { name: site.searchSubmit });
  await expect(field).toBeVisible();
  await expect(submit).toBeVisible();
  await expect(field).toHaveAttribute("placeholder", site.searchPlaceholder);
  // The placeholder's text, in the field's own font, against the room inside the field.
  const { text, room } = await field.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return { text: context.measureText(input.placeholder).width, room: input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
  });
  expect(text, `placeholder ${Math.ceil(text)} px, room ${Math.floor(room)} px`).toBeLessThanOrEqual(room);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // It still searches.
  await field.fill("Hafen");
  await submit.click();
  await expect(page).toHaveURL(/\/search\?q=Hafen/);
});
