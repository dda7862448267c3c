// Pasting from Word, Google Docs or a web page keeps the structure and drops the rest.
import { type Page } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

async function paste(page: Page, html: string) {
  await page.getByRole("textbox", { name: "Article text" }).evaluate((el, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/html", data);
    transfer.setData("text/plain", "fallback");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);
}

test("Word and Google Docs pastes keep headings, lists, links and emphasis, and nothing else", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.clickBody();

  // Word: fake list paragraphs, Office namespaces, classes and inline styles.
  await paste(
    page,
    `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
    <h1 style="mso-style-name:x">Überschrift aus Word</h1>
    <p class=MsoNormal style="color:red;font-family:Calibri">Ein <b>fetter</b> und <i>kursiver</i> Satz mit <a href="https://example.org/quelle">Quelle</a>.<o:p></o:p></p>
    <p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Erster Punkt</p>
    <p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span>Zweiter Punkt</p>
    <p class=MsoListParagraphCxSpFirst style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">1.<span>&nbsp;</span></span>Schritt eins</p>
    <script>window.pasted = true</script><img src="https://tracker.example/p.gif">
    </body></html>`,
  );
  const body = editor.body;
  await expect(body.locator("h2")).toHaveText("Überschrift aus Word");
  await expect(body.locator("strong")).toHaveText("fetter");
  await expect(body.locator("em")).toHaveText("kursiver");
  await expect(body.locator('a[href="https://example.org/quelle"]')).toHaveText("Quelle");
  await expect(body.locator("ul > li")).toHaveText(["Erster Punkt", "Zweiter Punkt"]);
  await expect(body.locator("ol > li")).toHaveText(["Schritt eins"]);
  await expect(body.locator("[style], [class^=Mso], img, script")).toHaveCount(0);

  // Google Docs: a non-bold <b> wrapper around everything, bold and italic as inline styles.
  await page.keyboard.press("ControlOrMeta+End");
  await paste(
    page,
    `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:700;">Docs fett</span><span style="font-weight:400;"> und </span><span style="font-style:italic;">Docs kursiv</span></p><ol><li dir="ltr"><p dir="ltr"><span>Docs Liste</span></p></li></ol></b>`,
  );
  await expect(body.locator("strong").filter({ hasText: "Docs fett" })).toHaveCount(1);
  await expect(body.locator("strong").filter({ hasText: "und" })).toHaveCount(0);
  await expect(body.locator("em").filter({ hasText: "Docs kursiv" })).toHaveCount(1);
  await expect(body.locator("ol > li").filter({ hasText: "Docs Liste" })).toHaveCount(1);
  expect(await page.evaluate(() => (window as unknown as { pasted?: boolean }).pasted)).toBeUndefined();
});
