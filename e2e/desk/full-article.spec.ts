// The journalist's whole job in one article: German text with typography, structure, a link to
// another article and a figure; section, standfirst, two bylines, a lead image with caption and
// credit, five tags (one new), three related links. After a reload everything is still there.
import { type Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;

async function photo(seed: number): Promise<Buffer> {
  const width = 1200;
  const height = 800;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * seed) % 251;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

async function uploadInPicker(page: Page, name: string, seed: number) {
  const picker = page.getByRole("dialog", { name: m.media.pickerTitle });
  await expect(picker).toBeVisible();
  await picker.getByLabel(m.media.fileLabel).setInputFiles({ name, mimeType: "image/jpeg", buffer: await photo(seed) });
  await expect(picker).toBeHidden({ timeout: 30_000 });
}

test("a journalist writes a complete German article, and after a reload everything is intact", async ({ browser, factory, runId }) => {
  test.setTimeout(180_000);
  // The articles it links to and relates (their tags the four existing ones it adds).
  const shipyard = `Großauftrag für die Werft ${runId}`;
  const council = `Hafenstraße: Stadtrat ${runId} lässt abstimmen`;
  const sensors = `Messnetz der Hochschule ${runId}`;
  await factory.published({ headline: shipyard, section: "wirtschaft", tags: ["Werft", "Arbeitsmarkt", "Schifffahrt", "Fachkräfte"] });
  await factory.published({ headline: council, section: "politik" });
  await factory.published({ headline: sensors, section: "wissen" });
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  const kb = page.keyboard;
  const stamp = Date.now();
  await editor.gotoNew();

  await editor.headline.fill(`Kämpferinnen am Südufer ${stamp}`);
  await editor.section.selectOption({ label: "Wirtschaft" });
  await editor.standfirst.fill("Die Werft sucht Fachkräfte – und findet sie in der eigenen Stadt.");

  // Text with typography typed the plain way.
  await editor.clickBody();
  await kb.type('Die Schweißerin sagt: "Wir bleiben hier." Größe zählt -- nicht immer...');
  await kb.press("Enter");
  await editor.format(m.editor.heading2);
  await kb.type("Was sich ändert");
  await kb.press("Enter");
  await editor.format(m.editor.bulletList);
  await kb.type("Übergänge");
  await kb.press("Enter");
  await kb.type("Schichtpläne");
  await kb.press("Enter");
  await kb.press("Enter");
  await kb.type("Ein Zitat aus der Halle.");
  await editor.format(m.editor.quote);
  await kb.press("End");
  await kb.press("Enter");
  await kb.press("Enter");
  await kb.type("Groß gedacht, klein gebaut.");
  await editor.format(m.editor.pullQuote);
  await kb.press("End");
  await kb.press("Enter");
  await kb.press("Enter");

  // A link to another Copydesk article, found by its headline.
  await kb.type("Mehr zur Werft");
  await editor.selectBackwards("Mehr zur Werft");
  await kb.press("ControlOrMeta+k");
  const linkDialog = page.getByRole("dialog", { name: m.editor.addLink });
  await linkDialog.getByLabel(m.editor.linkSearch).fill(`Werft ${runId}`);
  await linkDialog.getByRole("button", { name: shipyard }).click();
  await expect(linkDialog).toBeHidden();
  await expect(editor.body.getByRole("link", { name: "Mehr zur Werft" })).toBeVisible();
  // The dialog hands focus back to the text with the linked words still selected: Enter
  // before the editor has taken End's cursor would replace them.
  await expect(editor.body).toBeFocused();
  await editor.pressEnd();
  await kb.press("Enter");

  // A figure in the text: uploaded from the picker, then described.
  await editor.format(m.editor.insertImage);
  await uploadInPicker(page, `halle-${stamp}.jpg`, 7);
  const figureDialog = page.getByRole("dialog", { name: m.editor.figureDetails });
  await figureDialog.getByRole("button", { name: m.editor.figureApply }).click();
  await expect(figureDialog.getByText(m.editor.figureAltRequired)).toBeVisible();
  await figureDialog.getByLabel(m.editor.altText).fill("Schweißerinnen in der Montagehalle");
  await figureDialog.getByLabel(m.editor.caption).fill("Frühschicht in Halle 3");
  await figureDialog.getByLabel(m.editor.credit).fill("Foto: Jana Kühn");
  await figureDialog.getByRole("button", { name: m.editor.figureApply }).click();
  await expect(figureDialog).toBeHidden();
  await expect(editor.body.locator("figure img")).toHaveAttribute("alt", "Schweißerinnen in der Montagehalle");

  // Two bylines.
  await page.getByLabel(m.editor.addByline).selectOption({ label: "Jonas Weber" });
  await page.getByRole("button", { name: m.editor.addByline, exact: true }).click();

  // The lead image, uploaded through the picker, with this article's caption, credit and alt.
  await page.getByRole("button", { name: m.editor.leadImageChoose }).click();
  await uploadInPicker(page, `werft-${stamp}.jpg`, 13);
  await page.getByLabel(m.editor.caption, { exact: true }).fill("Die Werft Südufer am Morgen");
  await page.getByLabel(m.editor.credit, { exact: true }).fill("Foto: Ole Brandt");
  await page.getByLabel(m.editor.altText, { exact: true }).fill("Kräne der Werft im Morgenlicht");

  // Five tags: four that exist, one new (and a duplicate in other case, which is ignored).
  const tags = ["Werft", "Arbeitsmarkt", "Schifffahrt", "Fachkräfte", `Südufer ${stamp}`];
  for (const tag of [...tags, "werft"]) {
    await page.getByLabel(m.editor.addTag, { exact: true }).fill(tag);
    await page.getByLabel(m.editor.addTag, { exact: true }).press("Enter");
  }

  // Three related links: two Copydesk articles, one external.
  const related = page.getByRole("group", { name: m.editor.related });
  for (const [query, headline] of [[`Stadtrat ${runId}`, council], [`Messnetz der Hochschule ${runId}`, sensors]]) {
    await related.getByLabel(m.editor.relatedSearch).fill(query);
    await related.getByRole("button", { name: headline }).click();
  }
  await related.getByLabel(m.editor.relatedUrl).fill("https://example.org/werften-im-norden");
  await related.getByLabel(m.editor.relatedTitle).fill("Werften im Norden: eine Übersicht");
  await related.getByRole("button", { name: m.editor.addRelated }).click();

  await kb.press("ControlOrMeta+s");
  await expect(editor.saveStatus).toHaveText(/^Saved \d\d:\d\d$/, { timeout: 15_000 });
  await page.reload();

  // Everything is still there.
  const after = new ArticleEditorPage(page);
  await expect(after.headline).toHaveValue(`Kämpferinnen am Südufer ${stamp}`);
  await expect(after.section.locator("option:checked")).toHaveText("Wirtschaft");
  await expect(after.standfirst).toHaveValue("Die Werft sucht Fachkräfte – und findet sie in der eigenen Stadt.");
  const body = after.body;
  await expect(body.locator("p").first()).toHaveText("Die Schweißerin sagt: „Wir bleiben hier.“ Größe zählt – nicht immer…");
  await expect(body.locator("h2")).toHaveText("Was sich ändert");
  await expect(body.locator("ul > li")).toHaveText(["Übergänge", "Schichtpläne"]);
  await expect(body.locator("blockquote:not(.pull-quote)")).toHaveText("Ein Zitat aus der Halle.");
  await expect(body.locator("blockquote.pull-quote")).toHaveText("Groß gedacht, klein gebaut.");
  await expect(body.getByRole("link", { name: "Mehr zur Werft" })).toHaveAttribute("href", /^\/a\/\d+$/);
  await expect(body.locator("figure img")).toHaveAttribute("src", /^\/media\/.+\.webp$/);
  await expect(body.locator("figure figcaption")).toHaveText(/Frühschicht in Halle 3\s*Foto: Jana Kühn/);
  await expect(page.getByRole("group", { name: m.editor.bylines }).getByRole("listitem")).toHaveText([/Lena Kämpfer/, /Jonas Weber/]);
  await expect(page.getByRole("img", { name: "Kräne der Werft im Morgenlicht" })).toBeVisible();
  await expect(page.getByLabel(m.editor.caption, { exact: true })).toHaveValue("Die Werft Südufer am Morgen");
  await expect(page.getByLabel(m.editor.credit, { exact: true })).toHaveValue("Foto: Ole Brandt");
  // Each tag with its move and remove buttons.
  await expect(page.getByRole("group", { name: m.editor.tags }).getByRole("listitem")).toHaveText(tags.map((t) => new RegExp(`^${t}`)));
  await expect(page.getByRole("group", { name: m.editor.related }).getByRole("listitem")).toHaveText([
    new RegExp(council),
    new RegExp(sensors),
    /Werften im Norden: eine Übersicht.*example\.org/,
  ]);
});

test("a photo without credit or alt text is refused at its field; nothing saved is lost", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill(`Ohne Bildnachweis ${Date.now()}`);
  await editor.section.selectOption({ label: "Kultur" });
  await editor.clickBody();
  await page.keyboard.type("Der Text bleibt.");
  await page.getByRole("button", { name: m.editor.leadImageChoose }).click();
  await uploadInPicker(page, `ohne-${Date.now()}.jpg`, 3);
  await editor.saved();
  await expect(page.getByText(m.validation.creditRequired)).toBeVisible();
  await expect(page.getByText(m.validation.altRequired)).toBeVisible();
  await expect(page.getByLabel(m.editor.credit, { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(editor.body).toHaveText("Der Text bleibt.");
  await page.getByLabel(m.editor.credit, { exact: true }).fill("Foto: privat");
  await page.getByLabel(m.editor.altText, { exact: true }).fill("Ein Bühnenbild");
  await editor.saved();
  await expect(editor.saveStatus).toHaveText(/^Saved/);
});
