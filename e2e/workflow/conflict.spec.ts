// Two people in one article: the second save is stopped, nothing is overwritten silently,
// their text stays on screen, and they decide what happens.
import { expect, test } from "@playwright/test";
import { pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

test("a concurrent edit is detected, the second writer keeps their text and chooses", async ({ browser }) => {
  // An editor starts an article.
  const first = await pageAs(browser, "editor");
  const a = new ArticleEditorPage(first);
  await a.gotoNew();
  await a.headline.fill(`Zwei Fassungen ${Date.now()}`);
  await a.section.selectOption({ label: "Kultur" });
  await a.body.click();
  await first.keyboard.type("Ursprünglicher Text.");
  await a.button(m.editor.save).click();
  await expect(a.saveStatus).toHaveText(/^Saved/);
  const url = first.url();

  // A colleague opens the same version in another browser.
  const second = await pageAs(browser, "admin");
  await second.goto(url);
  const b = new ArticleEditorPage(second);
  await expect(b.body).toHaveText("Ursprünglicher Text.");

  // The first one saves a change.
  await a.body.click();
  await first.keyboard.press("End");
  await first.keyboard.type(" Ergänzung der Ersten.");
  await a.button(m.editor.save).click();
  await expect(a.saveStatus).toHaveText(/^Saved/);

  // The second one's save is refused as a conflict; their words are still there.
  await b.body.click();
  await second.keyboard.press("End");
  await second.keyboard.type(" Ergänzung des Zweiten.");
  await b.button(m.editor.save).click();
  await expect(b.saveStatus).toHaveText(m.editor.saveConflict);
  await expect(second.getByRole("alert").filter({ hasText: m.errors.conflict })).toBeVisible();
  await expect(b.body).toHaveText("Ursprünglicher Text. Ergänzung des Zweiten.");

  // A dialog compares the two versions: what only the other one wrote, and what only they wrote.
  const dialog = second.getByRole("dialog", { name: m.editor.conflictTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("del")).toContainText("der Ersten");
  await expect(dialog.locator("ins")).toContainText("des Zweiten");

  // They decide to keep theirs: saved on top, explicitly.
  await dialog.getByRole("button", { name: m.editor.conflictKeepMine }).click();
  await expect(dialog).toBeHidden();
  await expect(b.saveStatus).toHaveText(/^Saved/);
  await second.reload();
  await expect(new ArticleEditorPage(second).body).toHaveText("Ursprünglicher Text. Ergänzung des Zweiten.");
});

test("after a conflict the writer can take the other version instead", async ({ browser }) => {
  const first = await pageAs(browser, "editor");
  const a = new ArticleEditorPage(first);
  await a.gotoNew();
  await a.headline.fill(`Übernahme ${Date.now()}`);
  await a.section.selectOption({ label: "Kultur" });
  await a.body.click();
  await first.keyboard.type("Basis.");
  await a.button(m.editor.save).click();
  await expect(a.saveStatus).toHaveText(/^Saved/);

  const second = await pageAs(browser, "admin");
  await second.goto(first.url());
  const b = new ArticleEditorPage(second);
  await expect(b.body).toHaveText("Basis.");

  await a.body.click();
  await first.keyboard.press("End");
  await first.keyboard.type(" Ihre Fassung.");
  await a.button(m.editor.save).click();
  await expect(a.saveStatus).toHaveText(/^Saved/);

  await b.body.click();
  await second.keyboard.press("End");
  await second.keyboard.type(" Meine Fassung.");
  await b.button(m.editor.save).click();
  const dialog = second.getByRole("dialog", { name: m.editor.conflictTitle });
  await dialog.getByRole("button", { name: m.editor.conflictTakeTheirs }).click();
  await expect(b.body).toHaveText("Basis. Ihre Fassung.");
  await expect(b.saveStatus).toHaveText(/^Saved/);
  // And the next save is on top of their version, no conflict.
  await b.body.click();
  await second.keyboard.press("End");
  await second.keyboard.type(" Danach.");
  await b.button(m.editor.save).click();
  await expect(b.saveStatus).toHaveText(/^Saved/);
  await second.reload();
  await expect(new ArticleEditorPage(second).body).toHaveText("Basis. Ihre Fassung. Danach.");
});
