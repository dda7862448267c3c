// The thin path through the product: a journalist writes and submits, an editor publishes,
// a reader reads — each in their own browser session.
import { expect, test } from "@playwright/test";
import { pageAs } from "../fixtures";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

test("journalist drafts and submits, editor publishes, reader reads", async ({ browser }) => {
  const headline = `Bürgerhaus öffnet „Straßenküche“ ${Date.now()}`;

  // Arrange + act: the journalist writes a structured article and submits it.
  const journalist = await pageAs(browser, "journalist");
  const editorView = new ArticleEditorPage(journalist);
  await editorView.gotoNew();
  await editorView.headline.fill(headline);
  await editorView.standfirst.fill("Ab Montag gibt es warmes Essen für alle im Viertel.");
  await editorView.section.selectOption({ label: "Politik" });
  await editorView.writeStructuredBody({
    intro: "Das Bürgerhaus am Markt öffnet eine Küche.",
    heading: "Wer dahintersteht",
    bold: "dreißig Freiwillige",
    items: ["Montag bis Freitag", "ab 12 Uhr"],
    quote: "„Niemand soll hungrig nach Hause gehen“, sagt die Leiterin.",
    linkText: "Mehr zum Projekt",
    href: "https://example.org/kueche",
  });
  await editorView.button("Save").click();
  await expect(editorView.saveStatus).toHaveText(/^Saved \d\d:\d\d$/);
  await expect(journalist).toHaveURL(/\/desk\/articles\/\d+$/);
  const articleUrl = journalist.url();

  // A journalist sees no way to publish.
  await expect(editorView.button("Publish")).toHaveCount(0);
  await editorView.button("Submit for review").click();
  await expect(journalist.getByText("Submitted for review. The editors have it now.")).toBeVisible();
  await expect(journalist.getByText("In review", { exact: true }).first()).toBeVisible();
  await expect(editorView.headline).not.toBeEditable();

  // The editor finds it in the review queue and publishes it.
  const editor = await pageAs(browser, "editor");
  await editor.goto("/desk");
  const queue = editor.getByRole("region", { name: /Awaiting review/ });
  await queue.getByRole("link", { name: headline }).click();
  await expect(editor).toHaveURL(articleUrl);
  const editorEditor = new ArticleEditorPage(editor);
  await expect(editorEditor.headline).toHaveValue(headline);
  await editorEditor.button("Publish").click();
  await expect(editor.getByText("Published.", { exact: false })).toBeVisible();
  await editor.getByRole("link", { name: "View the live article" }).click();
  await expect(editor).toHaveURL(/\/politik\/buergerhaus-oeffnet-strassenkueche-\d+$/);

  // An anonymous reader finds it on the home page and reads it.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  await reader.getByRole("link", { name: headline }).click();
  await expect(reader).toHaveURL(/\/politik\/buergerhaus-oeffnet-strassenkueche-\d+$/);
  const article = reader.getByRole("article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText(headline);
  await expect(article.getByRole("link", { name: "Lena Kämpfer" })).toHaveAttribute("href", "/authors/lena-kaempfer");
  await expect(article.locator("time").first()).toHaveText(/^\d\d\.\d\d\.\d{4}, \d\d:\d\d$/);
  await expect(article.getByRole("heading", { level: 2, name: "Wer dahintersteht" })).toBeVisible();
  await expect(article.locator("strong")).toHaveText("dreißig Freiwillige");
  await expect(article.getByRole("listitem").filter({ hasText: "Montag bis Freitag" })).toBeVisible();
  await expect(article.locator("blockquote")).toHaveText("„Niemand soll hungrig nach Hause gehen“, sagt die Leiterin.");
  await expect(article.getByRole("link", { name: "Mehr zum Projekt" })).toHaveAttribute("href", "https://example.org/kueche");
  await reader.screenshot({ path: `test-results/reader-article-${process.env.DATABASE_URL ? "postgres" : "pglite"}.png`, fullPage: true });
});
