// Nothing is ever lost: autosave without a click, the status says what happened at each
// step, offline typing is kept on the device and saved when the network returns, and work
// left behind in a closed tab is offered back.
import { expect, test } from "@playwright/test";
import { pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en.editor;

test("autosaves, keeps typing made offline on the device, and saves it once back online", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill(`Nachtfähre ${Date.now()}`);
  await editor.section.selectOption({ label: "Wirtschaft" });
  await editor.body.click();
  await page.keyboard.type("Die Nachtfähre fährt wieder.");
  // No click on Save: the status moves on by itself.
  await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);

  await page.context().setOffline(true);
  await page.keyboard.type(" Offline geschrieben: Größe, Maß und Übermut.");
  await expect(editor.saveStatus).toHaveText(m.saveOffline, { timeout: 15_000 });
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("copydesk:draft:")).map((k) => localStorage.getItem(k)));
  expect(kept.join("")).toContain("Offline geschrieben");

  await page.context().setOffline(false);
  await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  await page.reload();
  await expect(new ArticleEditorPage(page).body).toHaveText("Die Nachtfähre fährt wieder. Offline geschrieben: Größe, Maß und Übermut.");
});

test("work left in a closed tab is offered back and saved", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill(`Absturz ${Date.now()}`);
  await editor.section.selectOption({ label: "Kultur" });
  await editor.body.click();
  await page.keyboard.type("Gespeicherter Anfang.");
  await expect(editor.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });
  const url = page.url();

  // The network drops, a sentence is typed, and the tab is closed (or crashes) before anything reaches the server.
  await page.context().setOffline(true);
  await page.keyboard.type(" Nur auf diesem Gerät.");
  await expect(editor.saveStatus).toHaveText(m.saveOffline, { timeout: 15_000 });
  await page.close({ runBeforeUnload: false });
  await page.context().setOffline(false);
  const again = await page.context().newPage();

  await again.goto(url);
  const reopened = new ArticleEditorPage(again);
  await expect(reopened.body).toHaveText("Gespeicherter Anfang.");
  const offer = again.getByRole("region", { name: m.recoveryTitle });
  await expect(offer).toBeVisible();
  await offer.getByRole("button", { name: m.recoveryRestore }).click();
  await expect(reopened.body).toHaveText("Gespeicherter Anfang. Nur auf diesem Gerät.");
  await expect(reopened.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });
  await again.reload();
  await expect(new ArticleEditorPage(again).body).toHaveText("Gespeicherter Anfang. Nur auf diesem Gerät.");
  await expect(again.getByRole("region", { name: m.recoveryTitle })).toHaveCount(0);
});
