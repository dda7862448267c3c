// An editor looks after the tags and sections: renames a tag and merges another into it (old
// addresses lead to the surviving tag), creates and deletes an unused tag, creates, renames and
// reorders a section (the reader navigation follows). A journalist cannot use the page.
// Only tags and sections made here are changed, so the demo newsroom stays as other journeys expect it.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;
const tx = m.taxonomy;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

/** The editor writes, saves and publishes a short article with one tag. */
async function publishWithTag(page: Page, headline: string, tag: string) {
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill(headline);
  await editor.section.selectOption({ label: "Wirtschaft" });
  await editor.clickBody();
  await page.keyboard.type("Die Fähre fährt wieder im Takt.");
  await page.getByLabel(m.editor.addTag, { exact: true }).fill(tag);
  await page.getByLabel(m.editor.addTag, { exact: true }).press("Enter");
  await editor.saved();
  await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  await editor.button(m.editor.publish).click();
  await expect(page.getByText(m.editor.published, { exact: false })).toBeVisible();
}

function tagRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
}

test("an editor renames a tag and merges another into it; the old addresses lead to the surviving tag", async ({ browser }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const [ferry, shuttle, renamed] = [`Fähre ${stamp}`, `Shuttle ${stamp}`, `Fährverkehr ${stamp}`];
  const [first, second] = [`Fähre im Takt ${stamp}`, `Shuttle zum Südufer ${stamp}`];
  const page = await pageAs(browser, "editor");
  await publishWithTag(page, first, ferry);
  await publishWithTag(page, second, shuttle);

  await page.goto(`/desk/taxonomy?q=${stamp}`);
  await expect(page.getByRole("heading", { level: 1, name: tx.title })).toBeVisible();
  await expect(tagRow(page, ferry).getByRole("cell").nth(1)).toHaveText("1");

  // Rename: the row shows the new name and address.
  await tagRow(page, ferry).getByLabel(fill(tx.renameTagLabel, { name: ferry })).fill(renamed);
  await tagRow(page, ferry).getByRole("button", { name: `${tx.rename} ${ferry}` }).click();
  await expect(tagRow(page, renamed)).toBeVisible();
  await expect(tagRow(page, renamed).getByRole("link", { name: `/tags/faehrverkehr-${stamp}`, exact: true })).toBeVisible();

  // Merge the shuttle tag into it: its row goes, the survivor counts both articles.
  await tagRow(page, shuttle).getByRole("link", { name: `${tx.mergeStart} ${shuttle}` }).click();
  await tagRow(page, shuttle).getByLabel(fill(tx.mergeLabel, { name: shuttle })).selectOption({ label: renamed });
  await page.screenshot({ path: "test-results/desk-taxonomy.png", fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  await tagRow(page, shuttle).getByRole("button", { name: `${tx.merge} ${shuttle}` }).click();
  await expect(tagRow(page, shuttle)).toHaveCount(0);
  await expect(tagRow(page, renamed).getByRole("cell").nth(1)).toHaveText("2");
  // Used tags offer no delete.
  await expect(tagRow(page, renamed).getByRole("button", { name: `${tx.delete} ${renamed}` })).toHaveCount(0);

  // Old addresses answer 308 and lead to the surviving tag's page, which lists both articles.
  const reader = await readerPage(browser);
  const old = await reader.request.get(`/tags/faehre-${stamp}`, { maxRedirects: 0 });
  expect(old.status()).toBe(308);
  // Exactly one Location, also on the fresh render (scripts/serve.mjs mends Next 16.4's doubled one).
  const locations = old.headersArray().filter((h) => h.name.toLowerCase() === "location").map((h) => h.value);
  expect(locations).toEqual([`/tags/faehrverkehr-${stamp}`]);
  const feed = await reader.request.get(`/feeds/tag/shuttle-${stamp}/rss.xml`, { maxRedirects: 0 });
  expect(feed.status()).toBe(308);
  expect(feed.headers()["location"]).toBe(`/feeds/tag/faehrverkehr-${stamp}/rss.xml`);
  await reader.goto(`/tags/shuttle-${stamp}`);
  await expect(reader).toHaveURL(new RegExp(`/tags/faehrverkehr-${stamp}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(reader.getByRole("link", { name: first })).toBeVisible();
  await expect(reader.getByRole("link", { name: second })).toBeVisible();
  // The live article shows the new tag name without being republished.
  await reader.getByRole("link", { name: second }).click();
  await expect(reader.getByRole("article").getByRole("link", { name: renamed, exact: true })).toHaveAttribute("href", `/tags/faehrverkehr-${stamp}`);
});

test("an editor creates a tag and deletes it while unused; a clashing name is refused beside the field", async ({ browser }) => {
  const stamp = Date.now();
  const name = `Leeres Schlagwort ${stamp}`;
  const page = await pageAs(browser, "editor");
  await page.goto("/desk/taxonomy");
  const newTag = page.getByLabel(tx.newTag, { exact: true });
  await newTag.fill(name);
  await page.getByRole("button", { name: tx.createTag }).click();
  await expect(page.getByText(fill(tx.tagCreated, { name }))).toBeVisible();
  await expect(newTag).toHaveValue("");

  await newTag.fill(name.toUpperCase());
  await page.getByRole("button", { name: tx.createTag }).click();
  await expect(page.getByText(m.validation.tagNameTaken)).toBeVisible();
  await expect(newTag).toHaveAttribute("aria-invalid", "true");
  await expect(newTag).toHaveValue(name.toUpperCase());
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel(tx.searchLabel).fill(String(stamp));
  await page.getByRole("button", { name: tx.searchSubmit }).click();
  await expect(tagRow(page, name).getByRole("cell").nth(1)).toHaveText("0");
  await tagRow(page, name).getByRole("button", { name: `${tx.delete} ${name}` }).click();
  await expect(page.getByText(fill(tx.noResults, { q: String(stamp) }))).toBeVisible();
});

test("an editor creates, renames and reorders a section; the reader navigation follows", async ({ browser }) => {
  const stamp = Date.now();
  const [name, renamed] = [`Hafenressort ${stamp}`, `Hafen & Meer ${stamp}`];
  const page = await pageAs(browser, "editor");
  await page.goto("/desk/taxonomy");
  const sections = page.getByRole("region", { name: tx.sectionsHeading });
  await sections.getByLabel(tx.newSection, { exact: true }).fill(name);
  await sections.getByRole("button", { name: tx.createSection }).click();
  await expect(sections.getByText(fill(tx.sectionCreated, { name }))).toBeVisible();
  const items = sections.getByRole("listitem");
  await expect(items.last().locator("strong")).toHaveText(name);

  await sections.getByLabel(fill(tx.renameSectionLabel, { name })).fill(renamed);
  await sections.getByRole("button", { name: `${tx.rename} ${name}` }).click();
  await expect(items.last().locator("strong")).toHaveText(renamed);
  await expect(items.last().getByRole("link")).toHaveText(`/hafenressort-${stamp}`); // the address stays

  // One place up: the reader navigation shows it before the section that was last.
  const before = await items.locator("strong").allTextContents();
  const previousLast = before.at(-2)!;
  await sections.getByRole("button", { name: `${tx.moveUp} ${renamed}` }).click();
  await expect(items.locator("strong")).toHaveText([...before.slice(0, -2), renamed, previousLast]);
  const reader = await readerPage(browser);
  await reader.goto("/");
  const nav = reader.getByRole("navigation", { name: messages.de.site.sectionsNav }); // the reader site speaks German
  await expect(nav.getByRole("link")).toHaveText([...before.slice(0, -2), renamed, previousLast]);
  await nav.getByRole("link", { name: renamed }).click();
  await expect(reader).toHaveURL(new RegExp(`/hafenressort-${stamp}$`));
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(renamed);

  // Put the demo sections back in their order.
  await sections.getByRole("button", { name: `${tx.moveDown} ${renamed}` }).click();
  await expect(items.locator("strong")).toHaveText(before);
  await reader.goto("/");
  await expect(nav.getByRole("link")).toHaveText(before);
  expect(await seriousViolations(page)).toEqual([]);
});

test("a journalist cannot use the tags & sections page", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  await page.goto("/desk");
  await expect(page.getByRole("navigation", { name: m.desk.navLabel }).getByRole("link", { name: m.desk.taxonomy })).toHaveCount(0);
  await page.goto("/desk/taxonomy");
  await expect(page.getByText(tx.notAllowed)).toBeVisible();
  await expect(page.getByRole("button", { name: tx.createTag })).toHaveCount(0);
  await expect(page.getByRole("table")).toHaveCount(0);
});
