// An author takes a submission back to keep working; the history shows every step.
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

test("a journalist takes back a submitted article, edits again, and the history records it", async ({ browser }) => {
  const journalist = await pageAs(browser, "journalist");
  const draft = new ArticleEditorPage(journalist);
  await draft.gotoNew();
  await draft.headline.fill(`Zurückgeholt ${Date.now()}`);
  await draft.section.selectOption({ label: "Sport" });
  await draft.clickBody();
  await journalist.keyboard.type("Erste Fassung.");
  await draft.button(m.editor.submit).click();
  await expect(journalist.getByText(m.editor.submitted)).toBeVisible();
  await expect(draft.headline).not.toBeEditable();

  await draft.button(m.editor.withdraw).click();
  await expect(journalist.getByText(m.editor.withdrawn)).toBeVisible();
  await expect(draft.headline).toBeEditable();
  await draft.clickBody();
  await journalist.keyboard.press("End");
  await journalist.keyboard.type(" Zweite Fassung.");
  await draft.saved();
  await expect(draft.saveStatus).toHaveText(/^Saved/);

  await journalist.reload();
  const history = journalist.getByRole("region", { name: m.desk.history });
  const steps = history.getByRole("listitem");
  await expect(steps.nth(0)).toContainText(`${m.status.in_review} → ${m.status.draft}`);
  await expect(steps.nth(1)).toContainText(`${m.status.draft} → ${m.status.in_review}`);
  await expect(steps.nth(2)).toContainText(m.desk.historyCreated);
  await expect(steps.nth(0)).toContainText("Lena Kämpfer");
  await expect(new ArticleEditorPage(journalist).body).toHaveText("Erste Fassung. Zweite Fassung.");
});
