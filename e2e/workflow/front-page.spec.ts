// The desk arranges the home page: an editor makes an older article the lead story, readers see
// it on top with their next request (the cached page is expired when the placement commits),
// and unpublishing it hands the lead back to the newest article.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

/** The editor writes and publishes an article; its desk address and live address. */
async function publish(editor: Page, headline: string) {
  const desk = new ArticleEditorPage(editor);
  await desk.gotoNew();
  await desk.headline.fill(headline);
  await desk.section.selectOption({ label: "Wirtschaft" });
  await desk.clickBody();
  await editor.keyboard.type("Der Kran am Südkai wird nach 60 Jahren abgebaut.");
  await expect(desk.saveStatus).toHaveText(/^Saved/);
  const deskUrl = editor.url();
  await desk.button(m.editor.publish).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  const live = await editor.getByRole("link", { name: m.editor.viewLive }).getAttribute("href");
  return { deskUrl, live: live! };
}

/** The headline of the home page's lead story: the first story heading in the main content. */
async function leadHeadline(browser: Browser) {
  const reader = await readerPage(browser);
  await reader.goto("/");
  const text = await reader.getByRole("main").getByRole("heading", { level: 2 }).first().textContent();
  await reader.context().close();
  return text;
}

test("an editor makes an older article the lead story; unpublishing it hands the lead back to the newest", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const older = `Hafenkran wird abgebaut ${stamp}`;
  const newest = `Werft stellt 40 Lehrlinge ein ${stamp}`;
  const editor = await pageAs(browser, "editor");
  const a = await publish(editor, older);
  await publish(editor, newest);

  // Unarranged, the newest article leads (and readers' cache now holds that page).
  expect(await leadHeadline(browser)).toBe(newest);

  // The editor puts the older one into the lead slot, naming it by its address.
  await editor.goto("/desk/front");
  await expect(editor.getByRole("heading", { level: 1, name: m.front.title })).toBeVisible();
  const leadSlot = editor.locator('[data-slot="lead"]');
  await leadSlot.getByLabel(m.front.articleLabel.replace("{slot}", m.front.lead)).fill(a.live);
  await leadSlot.getByRole("button", { name: m.front.place, exact: true }).click();
  await expect(leadSlot.getByRole("status")).toHaveText(m.front.placedDone.replace("{slot}", m.front.lead));
  // The desk's preview is the page as readers will see it.
  await expect(leadSlot.getByRole("heading", { level: 2 })).toHaveText(older);
  await expect(leadSlot.getByText(m.front.placed)).toBeVisible();

  // The very next request shows it on top.
  expect(await leadHeadline(browser)).toBe(older);

  // Unpublished, it leaves the slot: the newest article leads again.
  await editor.goto(a.deskUrl);
  const review = new ArticleEditorPage(editor);
  await review.button(m.editor.unpublish).click();
  await review.button(m.editor.unpublishConfirm).click();
  await expect(editor.getByText(m.editor.unpublished)).toBeVisible();
  expect(await leadHeadline(browser)).toBe(newest);

  // The article's history records who placed it and that unpublishing released the slot.
  await editor.goto(`${a.deskUrl}/history`);
  await expect(editor.getByText(m.desk.historyFrontPlace.replace("{front}", m.front.homeFront).replace("{slot}", "lead"))).toBeVisible();
  await expect(editor.getByText(m.desk.historyFrontRemove.replace("{front}", m.front.homeFront).replace("{slot}", "lead"))).toBeVisible();
});
