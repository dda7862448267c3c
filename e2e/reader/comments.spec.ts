// Reader comments, pre-moderated: a reader posts (with or without JavaScript), the comment
// waits in the desk queue, an editor approves or rejects it, and only approved ones appear —
// in the article's language, with the count.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test, pageAs, readerPage, type Factory } from "../fixtures";
import { messages } from "../i18n";

const de = messages.de;
const en = messages.en;

/** The test's own published article in Wissen, German unless said otherwise, without comments. */
async function ownArticle(factory: Factory, runId: string, language: "de" | "en" = "de") {
  const headline =
    language === "de" ? `Messnetz der Hochschule ${runId}: In der Altstadt bleibt es nachts wärmer` : `Eelgrass meadows are back on the river flats ${runId}, survey finds`;
  await factory.published({ headline, section: "wissen", language });
  return { section: "/wissen", headline };
}

async function openArticle(page: Page, article: { section: string; headline: string }): Promise<string> {
  await page.goto(article.section);
  await page.getByRole("link", { name: article.headline }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: article.headline })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

const heading = (page: Page, count: number) => page.getByRole("heading", { level: 2, name: de.comments.heading.replace("{count}", String(count)) });

async function postAs(page: Page, name: string, text: string) {
  await page.getByLabel(de.comments.nameLabel).fill(name);
  await page.getByLabel(de.comments.textLabel).fill(text);
  await page.getByRole("button", { name: de.comments.submit }).click();
}

test("a comment goes pending → approved → visible; a rejected one never shows", async ({ browser, factory, runId }) => {
  const article = await ownArticle(factory, runId);
  const reader = await readerPage(browser);
  const path = await openArticle(reader, article);
  await expect(heading(reader, 0)).toBeVisible();

  await postAs(reader, "Erika Leserin", "Endlich Messdaten aus der Altstadt.\n\nWeiter so – und <b>danke</b>!");
  // The article page is cached, the same for everyone: the answer is a page of its own.
  await expect(reader).toHaveURL(/\/comments\/sent\?.*comment=pending/);
  await expect(reader.getByRole("heading", { level: 1, name: de.comments.sentTitle })).toBeVisible();
  await expect(reader.getByRole("status")).toHaveText(de.comments.pending);
  await reader.getByRole("link", { name: de.comments.backToArticle }).click();
  await expect(reader).toHaveURL(new RegExp(`${path}#comments$`));
  await expect(reader.getByText("Endlich Messdaten aus der Altstadt.")).toHaveCount(0);
  await expect(heading(reader, 0)).toBeVisible();
  await postAs(reader, "Rudi Rüpel", "Alles Unsinn, diese Messungen!");
  await expect(reader.getByRole("status")).toHaveText(de.comments.pending);

  // The editor opens this article's queue from the table of articles (other journeys' comments
  // wait in the whole queue meanwhile), selects both with "Select all", leaves Rudi out, and
  // approves Erika.
  const editor = await pageAs(browser, "editor");
  await editor.goto("/desk/comments");
  await editor.getByRole("link", { name: `2 ${en.comments.pendingOn.replace("{headline}", article.headline)}` }).click();
  await expect(editor.getByText(en.comments.filteredTo.replace("{headline}", article.headline))).toBeVisible();
  await expect(editor.getByRole("link", { name: `${en.comments.status.pending} 2` })).toHaveAttribute("aria-current", "page");
  await expect(editor.getByText("Endlich Messdaten aus der Altstadt.")).toBeVisible();
  await expect(editor.getByRole("link", { name: article.headline }).first()).toHaveAttribute("href", path);
  await editor.getByLabel(en.comments.selectAll).check();
  await expect(editor.getByLabel("Select the comment by Erika Leserin")).toBeChecked();
  await editor.getByLabel("Select the comment by Rudi Rüpel").uncheck();
  await editor.getByRole("button", { name: en.comments.approve }).click();
  await expect(editor.getByRole("status")).toHaveText("One comment approved.");
  await expect(editor.getByText("Endlich Messdaten aus der Altstadt.")).toHaveCount(0);

  await editor.getByLabel("Select the comment by Rudi Rüpel").check();
  await editor.getByRole("button", { name: en.comments.reject }).click();
  await expect(editor.getByRole("status")).toHaveText("One comment rejected.");
  await expect(editor.getByText(en.comments.empty.pending)).toBeVisible();
  await editor.getByRole("link", { name: `${en.comments.status.rejected} 1` }).click();
  await expect(editor.getByText("Alles Unsinn, diese Messungen!")).toBeVisible();
  await expect(editor.getByText(/^Rejected by /)).toBeVisible();

  // The reader comes back: the approved comment with its count, name, time and paragraphs; the rejected one nowhere.
  await reader.goto(path);
  await expect(heading(reader, 1)).toBeVisible();
  const comment = reader.locator(".comment").filter({ hasText: "Erika Leserin" });
  await expect(comment.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
  await expect(comment.locator(".comment__text p")).toHaveText(["Endlich Messdaten aus der Altstadt.", "Weiter so – und <b>danke</b>!"]);
  await expect(reader.getByText("Alles Unsinn")).toHaveCount(0);
  // For a person to look at (test-results/…): the comment section and the queue.
  await reader.locator("#comments").screenshot({ path: test.info().outputPath("article-comments.png") });
  await editor.screenshot({ path: test.info().outputPath("desk-queue.png"), fullPage: true });
  expect(await seriousViolations(reader)).toEqual([]);
  expect(await seriousViolations(editor)).toEqual([]);
  // An address that names no article says so, and shows every article's queue.
  await editor.goto("/desk/comments?article=nicht-da");
  await expect(editor.getByRole("alert").filter({ hasText: en.comments.filterUnknown })).toBeVisible();
  await expect(editor.getByRole("link", { name: new RegExp(`^${en.comments.status.pending} \\d+$`) })).toHaveAttribute("aria-current", "page");

  // The form with a message at a field is just as accessible.
  await reader.getByLabel(de.comments.nameLabel).fill("Erika Leserin");
  await reader.getByLabel(de.comments.textLabel).fill("  ");
  await reader.getByRole("button", { name: de.comments.submit }).click();
  await expect(reader.getByRole("heading", { level: 1, name: de.comments.notSentTitle })).toBeVisible();
  await expect(reader.getByText(de.validation.commentTextRequired)).toBeVisible();
  expect(await seriousViolations(reader)).toEqual([]);
});

test("without JavaScript, posting works and an empty comment is named at its field", async ({ browser, factory, runId }) => {
  const article = await ownArticle(factory, runId);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await openArticle(page, article);
  const text = page.getByLabel(de.comments.textLabel);

  // Truly empty: the browser's own check stops it. Only spaces: the server says what's wrong, at the field.
  await page.getByLabel(de.comments.nameLabel).fill("Otto Ohnescript");
  expect(await text.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
  await text.fill("   \n  ");
  await page.getByRole("button", { name: de.comments.submit }).click();
  await expect(page).toHaveURL(/\/comments\/sent\?.*comment=invalid/);
  await expect(text).toHaveAttribute("aria-invalid", "true");
  await expect(text).toHaveAccessibleDescription(new RegExp(`^${de.validation.commentTextRequired}`));
  await expect(page.getByLabel(de.comments.nameLabel)).toHaveValue("Otto Ohnescript");

  await text.fill("Geht auch ohne JavaScript.");
  await page.getByRole("button", { name: de.comments.submit }).click();
  await expect(page).toHaveURL(/\/comments\/sent\?.*comment=pending/);
  await expect(page.getByRole("status")).toHaveText(de.comments.pending);
  await page.getByRole("link", { name: de.comments.backToArticle }).click();
  await expect(page.getByText("Geht auch ohne JavaScript.")).toHaveCount(0);

  // The honeypot is there for bots, not for people or screen readers.
  await expect(page.getByRole("textbox", { name: de.comments.honeypotLabel })).toHaveCount(0);
  await expect(page.locator('input[name="website"]')).toHaveAttribute("tabindex", "-1");
  await context.close();
});

test("the community standards are one link away from the form", async ({ browser, factory, runId }) => {
  const article = await ownArticle(factory, runId);
  const page = await readerPage(browser);
  await openArticle(page, article);
  await page.getByRole("link", { name: "Community-Regeln" }).click();
  await expect(page).toHaveURL(/\/community-standards$/);
  await expect(page.getByRole("heading", { level: 1, name: de.comments.standardsTitle })).toBeVisible();
  await expect(page.getByText(de.comments.standardsRules.respect)).toBeVisible();
});

test("an editor closes comments on an article: readers see why there is no form; reopening brings it back", async ({ browser, factory, runId }) => {
  const english = await ownArticle(factory, runId, "en");
  const editor = await pageAs(browser, "editor");
  await editor.goto("/desk/comments");
  const close = editor.getByRole("button", { name: `Close comments on ${english.headline}` });
  await close.click();
  const reopen = editor.getByRole("button", { name: `Open comments on ${english.headline}` });
  await expect(reopen).toBeVisible();

  const reader = await readerPage(browser);
  await openArticle(reader, english);
  // The article is in English, so are its comment labels — whatever the site's language.
  await expect(reader.getByRole("heading", { level: 2, name: en.comments.heading.replace("{count}", "0") })).toBeVisible();
  await expect(reader.getByText(en.comments.closed)).toBeVisible();
  await expect(reader.getByRole("button", { name: en.comments.submit })).toHaveCount(0);

  await reopen.click();
  await expect(close).toBeVisible();
  await reader.reload();
  await expect(reader.getByRole("button", { name: en.comments.submit })).toBeVisible();
});

test("journalists don't get the moderation queue", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  await page.goto("/desk/comments");
  await expect(page.getByText(en.comments.notAllowed)).toBeVisible();
  await expect(page.getByRole("button", { name: en.comments.approve })).toHaveCount(0);
  await expect(page.getByRole("link", { name: en.desk.comments })).toHaveCount(0);
});
