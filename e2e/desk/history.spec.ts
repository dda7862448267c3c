// A journalist rewrites a sentence, sees the change in the history, brings the first
// version back (as a new version: nothing is lost), and previews the article as readers
// will see it. The preview is for the desk only.
import { expect, test } from "@playwright/test";
import { pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;
const h = m.history;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

test("history lists the versions, shows what changed, restores an older one and previews it", async ({ browser }) => {
  // Arrange: two saved versions of one article.
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  const headline = `Fährhafen öffnet ${Date.now()}`;
  await editor.gotoNew();
  await editor.headline.fill(headline);
  await editor.section.selectOption({ label: "Politik" });
  await editor.body.click();
  await page.keyboard.type("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await editor.button(m.editor.save).click();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const editorUrl = page.url();

  // Back later (a new article's page only becomes the article's own page on the next visit).
  await page.goto(editorUrl);
  await expect(editor.body).toHaveText("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await editor.body.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Die gelbe Fähre fährt erst ab Dienstag wieder über den Hafen.");
  await editor.button(m.editor.save).click();
  await expect(editor.saveStatus).toHaveText(/^Saved/);

  // Act: open the history from the editor.
  await page.getByRole("navigation", { name: h.articleNav }).getByRole("link", { name: h.historyLink }).click();
  await expect(page).toHaveURL(`${editorUrl}/history`);

  // Assert: both versions are listed, newest first, with who and why.
  const versions = page.getByRole("region", { name: h.revisionsHeading });
  const rows = versions.getByRole("row");
  await expect(rows).toHaveCount(3); // header + 2
  await expect(rows.nth(1)).toContainText(h.kind.save);
  await expect(rows.nth(2)).toContainText(h.kind.create);
  await expect(rows.nth(1)).toContainText("Lena Kämpfer");

  // The diff of the previous and the latest version marks the deleted and inserted words.
  const diff = page.getByRole("region", { name: fill(h.diffHeading, { from: 1, to: 2 }) });
  await expect(diff.getByRole("deletion")).toHaveText([`${h.deleted} Montag`]);
  await expect(diff.getByRole("insertion")).toHaveText([`${h.inserted} erst`, `${h.inserted} Dienstag`]);
  await expect(diff).toContainText("Die gelbe Fähre fährt");
  await page.screenshot({ path: `test-results/history-diff-${process.env.DATABASE_URL ? "postgres" : "pglite"}.png`, fullPage: true });

  // Act: restore the first version.
  await rows.nth(2).getByRole("button", { name: h.restore }).click();

  // Assert: it came back as a new version 3; versions 1 and 2 are still there.
  await expect(page.getByRole("status").filter({ hasText: fill(h.restored, { from: 1, version: 3 }) })).toBeVisible();
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(fill(h.kind.restore, { version: 1 }));
  await expect(rows.nth(2)).toContainText(h.kind.save);
  await expect(rows.nth(3)).toContainText(h.kind.create);
  const restoredDiff = page.getByRole("region", { name: fill(h.diffHeading, { from: 2, to: 3 }) });
  await expect(restoredDiff.getByRole("insertion")).toHaveText([`${h.inserted} Montag`]);

  // The editor shows the old text again.
  await page.getByRole("link", { name: h.restoredOpenEditor }).click();
  await expect(page).toHaveURL(editorUrl);
  await expect(new ArticleEditorPage(page).body).toHaveText("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await expect(new ArticleEditorPage(page).headline).toHaveValue(headline);

  // The preview shows it through the reader's article layout, clearly marked and not indexed.
  await page.getByRole("navigation", { name: h.articleNav }).getByRole("link", { name: h.previewLink }).click();
  await expect(page).toHaveURL(`${editorUrl}/preview`);
  await expect(page.getByRole("status").filter({ hasText: h.previewBanner })).toBeVisible();
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "de");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(article.getByRole("link", { name: "Politik", exact: true })).toHaveAttribute("href", "/politik");
  await expect(article.getByRole("link", { name: "Lena Kämpfer", exact: true })).toHaveAttribute("href", "/authors/lena-kaempfer");
  await expect(article.getByRole("paragraph").filter({ hasText: "Fähre" })).toHaveText("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await page.screenshot({ path: `test-results/preview-${process.env.DATABASE_URL ? "postgres" : "pglite"}.png`, fullPage: true });

  // Readers cannot open the preview (nor is the draft on the site).
  const reader = await readerPage(browser);
  await reader.goto(`${editorUrl}/preview`);
  await expect(reader).toHaveURL(/\/signin/);
});

test("a journalist sees no restore button once the article is with the editors", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill(`Eingereicht ${Date.now()}`);
  await editor.section.selectOption({ label: "Kultur" });
  await editor.body.click();
  await page.keyboard.type("Erste Fassung.");
  await editor.button(m.editor.save).click();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await page.keyboard.type(" Zweite.");
  await editor.button(m.editor.save).click();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await editor.button(m.editor.submit).click();
  await expect(page.getByText(m.editor.submitted)).toBeVisible();

  await page.goto(`${page.url()}/history`);
  const versions = page.getByRole("region", { name: h.revisionsHeading });
  await expect(versions.getByRole("row").nth(1)).toContainText(h.kind.submit);
  await expect(versions.getByRole("button", { name: h.restore })).toHaveCount(0);
});
