// The editorial loop end to end, in two journeys that run side by side: submit → send back with
// a note → revise → resubmit; then, from an article in review, schedule twenty seconds ahead
// (appears on the home page by itself) → an unpublished edit never shows → an update with a
// correction note → unpublish answers 410. Notifications on the way.
import { type Page } from "@playwright/test";
import { toNewsroomWallClock } from "../../lib/dates";
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;
// Each journey owns its article: they may run on two workers at once.
test.describe.configure({ mode: "parallel" });

async function unreadNotifications(page: Page, text: RegExp) {
  await page.goto("/desk");
  await page.getByRole("link", { name: new RegExp(`^${m.notifications.headerLink}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.notifications.title })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: text }).first()).toBeVisible();
}

test("the editor sends a submitted article back with a note; the journalist revises and resubmits", async ({ browser }) => {
  test.setTimeout(180_000); // a loaded 2-core machine
  const headline = `Stadtwerke senken Preise ${Date.now()}`;

  // The journalist writes and submits.
  const journalist = await pageAs(browser, "journalist");
  const draft = new ArticleEditorPage(journalist);
  await draft.gotoNew();
  await draft.headline.fill(headline);
  await draft.section.selectOption({ label: "Wirtschaft" });
  await draft.clickBody();
  await journalist.keyboard.type("Die Stadtwerke senken den Strompreis um zwölf Prozent.");
  await draft.saved();
  await expect(draft.saveStatus).toHaveText(/^Saved/);
  const articleUrl = journalist.url();
  await draft.button(m.editor.submit).click();
  await expect(journalist.getByText(m.editor.submitted)).toBeVisible();

  // The editor is told, and sends it back with a note.
  const editor = await pageAs(browser, "editor");
  await unreadNotifications(editor, new RegExp(`submitted “${headline}”`));
  await editor.goto(articleUrl);
  const review = new ArticleEditorPage(editor);
  await review.button(m.editor.requestChanges).click();
  await review.button(m.editor.sendBack).click();
  await expect(editor.getByText(m.validation.noteRequired)).toBeVisible(); // a note is required
  await editor.getByLabel(m.editor.changeNote).fill("Bitte die Quelle für die zwölf Prozent nennen.");
  await review.button(m.editor.sendBack).click();
  await expect(editor.getByText(m.editor.sentBack)).toBeVisible();

  // The journalist sees the note, revises and resubmits.
  await unreadNotifications(journalist, new RegExp(`sent “${headline}” back`));
  await journalist.goto(articleUrl);
  const notes = journalist.getByRole("region", { name: m.editor.notesTitle });
  await expect(notes).toContainText("Bitte die Quelle für die zwölf Prozent nennen.");
  const revise = new ArticleEditorPage(journalist);
  await revise.clickBody();
  await journalist.keyboard.press("ControlOrMeta+End");
  await journalist.keyboard.type(" Das teilte der Vorstand am Montag mit.");
  await revise.saved();
  await expect(revise.saveStatus).toHaveText(/^Saved/);
  await revise.button(m.editor.submit).click();
  await expect(journalist.getByText(m.editor.submitted)).toBeVisible();
});

test("an article in review is scheduled, appears by itself, is updated with a correction and unpublished (410)", async ({ browser, factory }) => {
  test.setTimeout(180_000); // a loaded 2-core machine; the schedule itself waits ~20 s
  const headline = `Stadtwerke senken Preise ${Date.now()}`;
  const made = await factory.article({
    author: "journalist",
    headline,
    section: "wirtschaft",
    paragraphs: ["Die Stadtwerke senken den Strompreis um zwölf Prozent. Das teilte der Vorstand am Montag mit."],
    status: "in_review",
  });
  const articleUrl = made.editUrl;
  const journalist = await pageAs(browser, "journalist");
  const editor = await pageAs(browser, "editor");
  const review = new ArticleEditorPage(editor);

  // The editor schedules it twenty seconds ahead of the moment the form is open (the field takes
  // seconds, as a datetime-local input does when its step is under a minute); it is not on the
  // site yet.
  await editor.goto(articleUrl);
  await review.button(m.editor.schedule).click();
  const at = new Date(Math.ceil((Date.now() + 20_000) / 1000) * 1000);
  await editor.getByLabel(/Publish at/).fill(`${toNewsroomWallClock(at)}:${String(at.getUTCSeconds()).padStart(2, "0")}`);
  await review.button(m.editor.scheduleConfirm).click();
  await expect(editor.getByRole("status").filter({ hasText: /Scheduled for/ })).toBeVisible();
  const reader = await readerPage(browser);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: headline })).toHaveCount(0);

  // On time, with nobody doing anything, it is on the home page.
  await expect
    .poll(async () => {
      await reader.goto("/");
      return reader.getByRole("link", { name: headline }).count();
    }, { timeout: 90_000, intervals: [2_000] })
    .toBeGreaterThan(0);
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime() - 1000);
  await reader.getByRole("link", { name: headline }).first().click();
  await expect(reader).toHaveURL(/\/wirtschaft\/stadtwerke-senken-preise-\d+$/);
  const liveUrl = reader.url();
  await expect(reader.getByRole("article")).toContainText("Das teilte der Vorstand am Montag mit.");
  await unreadNotifications(journalist, new RegExp(`scheduled “${headline}”`));

  // An edit that is saved but not published never reaches readers.
  await editor.goto(articleUrl);
  await review.clickBody();
  await editor.keyboard.press("ControlOrMeta+End");
  await editor.keyboard.type(" ZWISCHENSTAND");
  await review.saved();
  await expect(review.saveStatus).toHaveText(/^Saved/);
  await reader.goto(liveUrl);
  await expect(reader.getByRole("article")).not.toContainText("ZWISCHENSTAND");

  // The editor replaces it with the final wording and publishes the update with a correction note.
  await review.clickBody();
  await editor.keyboard.press("ControlOrMeta+End");
  for (let i = 0; i < " ZWISCHENSTAND".length; i++) await editor.keyboard.press("Backspace");
  await editor.keyboard.type(" Die Senkung gilt ab Januar.");
  await review.button(m.editor.correctionToggle).click();
  await editor.getByLabel(m.editor.correctionText).fill("In einer früheren Fassung fehlte das Datum der Preissenkung.");
  await review.button(m.editor.publishUpdate).click();
  await expect(editor.getByText(m.editor.published)).toBeVisible();
  await reader.goto(liveUrl);
  const article = reader.getByRole("article");
  await expect(article).toContainText("Die Senkung gilt ab Januar.");
  await expect(article).not.toContainText("ZWISCHENSTAND");
  await expect(article.getByRole("region", { name: m.article.corrections }).or(article.locator(".corrections"))).toContainText("In einer früheren Fassung fehlte das Datum der Preissenkung.");

  // Unpublished: the address answers 410 Gone (every instance within a few seconds), the short link too.
  await editor.goto(articleUrl);
  await review.button(m.editor.unpublish).click();
  await review.button(m.editor.unpublishConfirm).click();
  await expect(editor.getByText(m.editor.unpublished)).toBeVisible();
  await expect.poll(async () => (await reader.request.get(liveUrl)).status(), { timeout: 15_000 }).toBe(410);
  const id = articleUrl.split("/").pop();
  expect((await reader.request.get(`/a/${id}`, { maxRedirects: 0 })).status()).toBe(410);
  // So is any of its pages as a live blog would have them (/p/n): gone with the article.
  expect((await reader.request.get(`${liveUrl}/p/2`, { maxRedirects: 0 })).status()).toBe(410);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: headline })).toHaveCount(0);
  await unreadNotifications(journalist, new RegExp(`unpublished “${headline}”`));
});
