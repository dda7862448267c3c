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

  // They decide to keep theirs: saved on top, explicitly.
  await second.getByRole("button", { name: m.editor.conflictKeepMine }).click();
  await expect(b.saveStatus).toHaveText(/^Saved/);
  await second.reload();
  await expect(new ArticleEditorPage(second).body).toHaveText("Ursprünglicher Text. Ergänzung des Zweiten.");
});
