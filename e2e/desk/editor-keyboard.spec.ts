// The editor without a mouse, and checked by axe: every control is reachable and named.
import AxeBuilder from "@axe-core/playwright";
import { type Page } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en.editor;

/** Presses Tab until the focused element matches the selector, as a keyboard user would; fails after `max` presses. */
async function tabTo(page: Page, selector: string, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error("focus never reached the target with Tab");
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
}

test("a whole article can be written with the keyboard alone", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await page.locator("body").focus();

  await tabTo(page, "#headline");
  await page.keyboard.type("Tastatur ohne Maus");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Ein Vorspann, nur getippt.");
  await tabTo(page, ".ProseMirror[role=textbox]");
  await page.keyboard.type("Erster Absatz mit ");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type("fetter");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.type(" Stelle und einem Link");
  await expect(editor.body).toContainText("Stelle und einem Link");
  await editor.selectBackwards("Link");
  await page.keyboard.press("ControlOrMeta+k");
  const dialog = page.getByRole("dialog", { name: m.addLink });
  await expect(dialog.getByLabel(m.linkAddress)).toBeFocused();
  await page.keyboard.type("https://example.org/tastatur");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(editor.body.locator('a[href="https://example.org/tastatur"]')).toHaveText("Link");

  // The section, in the panel beside the text.
  await tabTo(page, "#section");
  await page.keyboard.press("ArrowDown"); // the first section
  await page.keyboard.press("ControlOrMeta+s");
  await expect(editor.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });

  // A tag, added and removed with the keyboard.
  await tabTo(page, "#tag-input");
  await page.keyboard.type("Barrierefreiheit");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Remove Barrierefreiheit" })).toBeVisible();
  await page.keyboard.press("ControlOrMeta+s");
  await expect(editor.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });

  await page.reload();
  const reloaded = new ArticleEditorPage(page);
  await expect(reloaded.headline).toHaveValue("Tastatur ohne Maus");
  await expect(reloaded.body.locator("strong")).toHaveText("fetter");
  await expect(page.getByRole("button", { name: "Remove Barrierefreiheit" })).toBeVisible();
});

test("axe finds no serious or critical violation on the editor", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  expect(await seriousViolations(page)).toEqual([]);
  // With content, a field error (an empty headline stops the submit, never the saving) and the link dialog open.
  await editor.headline.fill("");
  await editor.button(m.submit).click();
  await expect(page.getByText(messages.en.validation.headlineRequired)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await editor.clickBody();
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("dialog", { name: m.addLink })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
