// The editor opens with the article in it and takes keys before its co-editing connection is up
// (the page brings the stored document: db/articles/collab-seed.ts). Typed meanwhile, it reads
// "Saving…", never "Saved"; once the connection is up it is stored and says so.
import type { WebSocketRoute } from "@playwright/test";
import { expect, pageAs, test } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en.editor;

test("an article opens ready to type while its connection is still coming; what was typed is saved once it is up", async ({ browser, factory, runId }) => {
  const headline = `Vor der Verbindung ${runId}`;
  const article = await factory.article({ headline, section: "kultur", paragraphs: ["Der erste Absatz steht schon."] });
  const page = await pageAs(browser, "journalist");
  // The first co-editing connection opens but the server behind it never answers (a slow
  // network, a busy server); the next one goes through.
  let held: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/api\/collab/, (ws) => {
    if (!held) held = ws;
    else ws.connectToServer();
  });
  await page.goto(article.editUrl);
  const editor = new ArticleEditorPage(page);

  // The article is there, and can be typed into, before the server has said a word.
  await expect(editor.headline).toHaveValue(headline);
  await expect(editor.body).toContainText("Der erste Absatz steht schon.");
  await editor.clickBody();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" Noch ohne Verbindung getippt.");
  await editor.headline.press("End");
  await editor.headline.pressSequentially(" (neu)");
  await expect(editor.headline).toHaveValue(`${headline} (neu)`);
  // Not stored yet, and the status line does not pretend otherwise.
  await expect(editor.saveStatus).toHaveText(m.saveSaving);

  // The connection drops and comes back for real: everything typed is stored.
  expect(held).not.toBeNull();
  await held!.close();
  await expect(editor.saveStatus).toHaveText(new RegExp(`^${m.saveSaved.replace("{time}", "\\d\\d:\\d\\d")}$`), { timeout: 30_000 });
  const preview = await page.context().newPage();
  await preview.goto(`/desk/articles/${article.id}/preview`);
  const stored = preview.locator(".preview-frame article");
  await expect(stored.locator("h1")).toHaveText(`${headline} (neu)`);
  await expect(stored.locator(".article__body")).toContainText("Der erste Absatz steht schon. Noch ohne Verbindung getippt.");
  // Once, not twice: the page's document and the server's are one history.
  await expect(stored.locator(".article__body p")).toHaveCount(1);
});
