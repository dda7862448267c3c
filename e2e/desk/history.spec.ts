// A journalist rewrites a sentence, sees the change in the history, brings the first
// version back (as a new version: nothing is lost), and previews the article as readers
// will see it. The preview is for the desk only.
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { currentEngine } from "../paths";

const m = messages.en;
const h = m.history;
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

test("history lists the versions, shows what changed, restores an older one and previews it", async ({ browser }) => {
  // Arrange: the journalist writes a sentence, the editor rewrites it in the shared editor. (Writing
  // together keeps one version per person per 10 minutes of editing: two people, two versions.)
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  const headline = `Fährhafen öffnet ${Date.now()}`;
  await editor.gotoNew();
  await editor.headline.fill(headline);
  await editor.section.selectOption({ label: "Politik" });
  await editor.clickBody();
  await page.keyboard.type("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await editor.saved();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  const editorUrl = page.url();

  const deskPage = await pageAs(browser, "editor");
  const desk = new ArticleEditorPage(deskPage);
  await deskPage.goto(editorUrl);
  // (toContainText: the other person's caret carries their name inside the text.)
  await expect(desk.body).toContainText("Die gelbe Fähre fährt ab Montag wieder über den Hafen.");
  await expect(desk.body).toBeEditable();
  await desk.clickBody();
  await deskPage.keyboard.press("ControlOrMeta+a");
  await deskPage.keyboard.type("Die gelbe Fähre fährt erst ab Dienstag wieder über den Hafen.");
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  await expect(editor.body).toContainText("Die gelbe Fähre fährt erst ab Dienstag wieder über den Hafen.");
  await deskPage.context().close();

  // Act: open the history from the editor.
  await page.getByRole("navigation", { name: h.articleNav }).getByRole("link", { name: h.historyLink }).click();
  await expect(page).toHaveURL(`${editorUrl}/history`);

  // Assert: both versions are listed, newest first, with who and why.
  const versions = page.getByRole("region", { name: h.revisionsHeading });
  const rows = versions.getByRole("row");
  await expect(rows).toHaveCount(4); // header + created + one version per person
  await expect(rows.nth(1)).toContainText(h.kind.autosave);
  await expect(rows.nth(1)).toContainText("Jonas Weber");
  await expect(rows.nth(2)).toContainText(h.kind.autosave);
  await expect(rows.nth(2)).toContainText("Lena Kämpfer");
  await expect(rows.nth(3)).toContainText(h.kind.create);
  // Every stored keystroke moves the article's version on: the numbers are read off the list.
  const versionIn = async (row: number) => Number(/^\s*(\d+)/.exec((await rows.nth(row).textContent()) ?? "")?.[1]);
  const [edited, written] = [await versionIn(1), await versionIn(2)];
  expect(edited).toBeGreaterThan(written);

  // The diff of the previous and the latest version marks the deleted and inserted words.
  const diff = page.getByRole("region", { name: fill(h.diffHeading, { from: written, to: edited }) });
  await expect(diff.getByRole("deletion")).toHaveText([`${h.deleted} Montag`]);
  await expect(diff.getByRole("insertion")).toHaveText([`${h.inserted} erst`, `${h.inserted} Dienstag`]);
  await expect(diff).toContainText("Die gelbe Fähre fährt");
  await page.screenshot({ path: `test-results/history-diff-${currentEngine()}.png`, fullPage: true });

  // Act: restore the journalist's version.
  await rows.nth(2).getByRole("button", { name: h.restore }).click();

  // Assert: it came back as a new version; the others are still there.
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText(fill(h.kind.restore, { version: written }));
  const restoredAs = await versionIn(1);
  expect(restoredAs).toBeGreaterThan(edited);
  await expect(page.getByRole("status").filter({ hasText: fill(h.restored, { from: written, version: restoredAs }) })).toBeVisible();
  await expect(rows.nth(2)).toContainText(h.kind.autosave);
  await expect(rows.nth(3)).toContainText(h.kind.autosave);
  await expect(rows.nth(4)).toContainText(h.kind.create);
  const restoredDiff = page.getByRole("region", { name: fill(h.diffHeading, { from: edited, to: restoredAs }) });
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
  await page.screenshot({ path: `test-results/preview-${currentEngine()}.png`, fullPage: true });

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
  await editor.clickBody();
  await page.keyboard.type("Erste Fassung.");
  await editor.saved();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await page.keyboard.type(" Zweite.");
  await editor.saved();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
  await editor.button(m.editor.submit).click();
  await expect(page.getByText(m.editor.submitted)).toBeVisible();

  await page.goto(`${page.url()}/history`);
  const versions = page.getByRole("region", { name: h.revisionsHeading });
  await expect(versions.getByRole("row").nth(1)).toContainText(h.kind.submit);
  await expect(versions.getByRole("button", { name: h.restore })).toHaveCount(0);
});
