// Embeds that load nothing until the reader agrees, and tables pasted from spreadsheets.
// An editor pastes addresses of five providers (and one unknown) on their own lines, types one
// more and presses Enter, pastes tables from Excel, Word and Google Sheets, and publishes. Readers
// then get placeholders: every request of the browser is intercepted (there is no network here),
// none goes to a provider before consent, and after it exactly the provider's embed address.
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, pageAs, test } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;
const de = messages.de;

const EMBEDS = [
  { url: "https://youtu.be/dQw4w9WgXcQ?si=tracking", name: "YouTube", frame: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" },
  { url: "https://vimeo.com/76979871", name: "Vimeo", frame: "https://player.vimeo.com/video/76979871?dnt=1" },
  { url: "https://social.bund.de/@Bundesregierung/112233445566778899", name: "Mastodon", frame: "https://social.bund.de/@Bundesregierung/112233445566778899/embed" },
  { url: "https://datawrapper.dwcdn.net/aBc12/3/", name: "Datawrapper", frame: "https://datawrapper.dwcdn.net/aBc12/" },
  {
    url: "https://soundcloud.com/deutschlandfunk/podcast-folge-1",
    name: "SoundCloud",
    frame: "https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fdeutschlandfunk%2Fpodcast-folge-1&visual=false",
  },
] as const;
/** Typed, then Enter. */
const TYPED = { url: "https://x.com/tagesschau/status/1790000000000000000", name: "X", frame: "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true" };
const UNKNOWN = "https://example.org/kein-video";
const ORIGINS = [...EMBEDS, TYPED].map((e) => new URL(e.frame).origin);

// Clipboard HTML as the three programs put it there (trimmed, but with their quirks).
const EXCEL = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15"><style><!--.xl65{mso-number-format:"\\#\\,\\#\\#0";}--></style></head><body link="#0563C1">
<table border=0 cellpadding=0 cellspacing=0 width=128 style='border-collapse:collapse;width:96pt'><!--StartFragment-->
 <col width=64 span=2 style='width:48pt'>
 <tr height=20 style='height:15.0pt'><td height=20 width=64 style='height:15.0pt;width:48pt'>Jahr</td><td width=64 style='width:48pt'>Besucher</td></tr>
 <tr height=20 style='height:15.0pt'><td height=20 align=right style='height:15.0pt'>2025</td><td class=xl65 align=right>12.000</td></tr>
 <tr height=20 style='height:15.0pt'><td height=20 align=right style='height:15.0pt'>2026</td><td class=xl65 align=right>14.500</td></tr>
<!--EndFragment--></table></body></html>`;
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><body lang=DE>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal style='margin-bottom:0cm;line-height:normal'><b>Partei<o:p></o:p></b></p></td>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt'><p class=MsoNormal style='margin-bottom:0cm'><b>Stimmenanteil<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt'><p class=MsoNormal style='margin-bottom:0cm'>Grüne<o:p></o:p></p></td>
  <td width=302 valign=top style='width:226.55pt;border:solid windowtext 1.0pt'><p class=MsoNormal style='margin-bottom:0cm'>28,1 %<o:p></o:p></p></td>
 </tr>
</table></body></html>`;
const SHEETS = `<meta charset='utf-8'><google-sheets-html-origin><style type="text/css"><!--td {border: 1px solid #cccccc;}br {mso-data-placement:same-cell;}--></style><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1"><colgroup><col width="100"/><col width="100"/></colgroup><tbody><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">Linie</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;">Abfahrt</td></tr><tr style="height:21px;"><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;" data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;S1&quot;}">S1</td><td style="overflow:hidden;padding:2px 3px 2px 3px;vertical-align:bottom;text-align:right;">06:12</td></tr></tbody></table>`;

async function paste(page: Page, data: { html?: string; text: string }) {
  await page.getByRole("textbox", { name: m.editor.articleText }).evaluate((el, d) => {
    const transfer = new DataTransfer();
    if (d.html) transfer.setData("text/html", d.html);
    transfer.setData("text/plain", d.text);
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** Every request the reader's browser makes: same-site ones go through, provider frames get a stand-in, anything else fails. */
async function interceptAll(context: BrowserContext, base: string) {
  const outside: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(base)) return route.continue();
    outside.push(url);
    if (ORIGINS.some((o) => url.startsWith(`${o}/`))) {
      return route.fulfill({ status: 200, contentType: "text/html", body: `<!doctype html><html lang="en"><title>stand-in</title><p>Stand-in for ${url}</p></html>` });
    }
    return route.abort();
  });
  return outside;
}

test.describe.serial("embeds and tables", () => {
  let articlePath = "";
  const headline = `Liveticker-Material: Videos, Posts und Tabellen ${Date.now()}`;

  test("an editor embeds six providers by pasting or typing their addresses, and pastes tables from Excel, Word and Google Sheets", async ({ browser }) => {
    test.setTimeout(240_000);
    const page = await pageAs(browser, "editor");
    const editor = new ArticleEditorPage(page);
    const kb = page.keyboard;
    await editor.gotoNew();
    await editor.headline.fill(headline);
    await editor.section.selectOption({ label: "Politik" });
    await editor.language.selectOption({ label: m.languages.de });
    await editor.standfirst.fill("Was am Abend geschah – in Bildern, Posts und Zahlen.");
    await editor.clickBody();
    await kb.type("Die Lage am Abend.");
    await kb.press("Enter");

    for (const e of EMBEDS) {
      await paste(page, { text: e.url });
      await expect(editor.body.getByRole("group", { name: `Embed: ${e.name}` })).toBeVisible();
    }
    // Typed, then Enter; an unknown address stays a link.
    await kb.type(TYPED.url);
    await kb.press("Enter");
    await expect(editor.body.getByRole("group", { name: "Embed: X" })).toBeVisible();
    await paste(page, { text: UNKNOWN });
    await expect(editor.body.getByRole("link", { name: UNKNOWN })).toBeVisible();
    await expect(editor.body.locator(".embed-card")).toHaveCount(6);

    // Caption and credit are edited on the card.
    const youtube = editor.body.getByRole("group", { name: "Embed: YouTube" });
    await youtube.getByLabel("Caption", { exact: true }).fill("Die Rede im Wortlaut – „Wir schaffen das“");
    await youtube.getByLabel("Credit", { exact: true }).fill("Quelle: Bundespresseamt");

    // Tables from three programs keep their cells; the first row becomes the header row.
    for (const [html, text] of [
      [EXCEL, "Jahr\tBesucher\n2025\t12.000\n2026\t14.500"],
      [WORD, "Partei\tStimmenanteil\nGrüne\t28,1 %"],
      [SHEETS, "Linie\tAbfahrt\nS1\t06:12"],
    ] as const) {
      // Below the last table first: a table pasted into a table merges its cells into it.
      await editor.body.focus();
      await kb.press("ControlOrMeta+End");
      await expect.poll(() => page.evaluate(() => (document.querySelector(".ProseMirror") as unknown as { editor: { isActive(n: string): boolean } }).editor.isActive("table"))).toBe(false);
      const before = await editor.body.locator("table").count();
      await paste(page, { html, text });
      await expect(editor.body.locator("table")).toHaveCount(before + 1);
    }
    const tables = editor.body.locator("table");
    await expect(tables).toHaveCount(3);
    await expect(tables.nth(0).locator("th")).toHaveText(["Jahr", "Besucher"]);
    await expect(tables.nth(0).locator("td")).toHaveText(["2025", "12.000", "2026", "14.500"]);
    await expect(tables.nth(1).locator("th")).toHaveText(["Partei", "Stimmenanteil"]);
    await expect(tables.nth(1).locator("td")).toHaveText(["Grüne", "28,1 %"]);
    await expect(tables.nth(2).locator("th")).toHaveText(["Linie", "Abfahrt"]);
    await expect(tables.nth(2).locator("td")).toHaveText(["S1", "06:12"]);
    await editor.body.getByLabel("Table caption").first().fill("Besucher im Bürgerhaus");

    await expect(editor.saveStatus).toHaveText(new RegExp(`^${m.editor.saveSaved.replace("{time}", "\\d\\d:\\d\\d")}$`));
    // After a reload the cards, their words and the tables are still there.
    await page.reload();
    await expect(editor.body.locator(".embed-card")).toHaveCount(6);
    await expect(editor.body.getByRole("group", { name: "Embed: YouTube" }).getByLabel("Caption", { exact: true })).toHaveValue("Die Rede im Wortlaut – „Wir schaffen das“");
    await expect(editor.body.getByLabel("Table caption").first()).toHaveValue("Besucher im Bürgerhaus");

    await editor.button(m.editor.publish).click();
    await expect(page.getByText(m.editor.published, { exact: false })).toBeVisible();
    await page.getByRole("link", { name: m.editor.viewLive }).click();
    await expect(page).toHaveURL(/\/politik\/liveticker-material/);
    articlePath = new URL(page.url()).pathname;
    await page.context().close();
  });

  test("readers load nothing from a provider until they agree, then exactly its embed address; 'always allow' lasts until revoked", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const outside = await interceptAll(context, baseURL!);
    const page = await context.newPage();
    const response = await page.goto(articlePath);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1 })).toHaveText(headline);

    // The page may frame exactly these providers, and only because it carries their embeds.
    const policy = response!.headers()["content-security-policy"] ?? "";
    expect(policy.match(/frame-src ([^;]*)/)?.[1].split(" ").sort()).toEqual(["'self'", ...ORIGINS].sort());

    // Placeholders in the site's style: provider, caption, credit, link to the original, the button.
    const figure = (name: string) => article.locator("figure.embed").filter({ has: page.locator(".embed__provider", { hasText: new RegExp(`^${name}$`) }) });
    await expect(article.locator("figure.embed")).toHaveCount(6);
    await expect(figure("YouTube").locator("figcaption > span")).toHaveText(["Die Rede im Wortlaut – „Wir schaffen das“", "Quelle: Bundespresseamt"]);
    await expect(figure("YouTube").getByRole("link", { name: "www.youtube.com/watch?v=dQw4w9WgXcQ" })).toHaveAttribute("href", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    // The article is German, so its placeholders speak German.
    const load = (name: string) => page.getByRole("button", { name: `Inhalt von ${name} laden – dabei werden Daten an ${name} übertragen` });
    for (const e of [...EMBEDS, TYPED]) await expect(load(e.name)).toBeVisible();
    await expect(article.getByRole("link", { name: UNKNOWN })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(outside).toEqual([]);

    // One click: the YouTube frame, and nothing else from outside.
    await load("YouTube").click();
    await expect(figure("YouTube").locator("iframe")).toHaveAttribute("src", EMBEDS[0].frame);
    await expect(page.frameLocator("figure.embed--loaded iframe").first().getByText("Stand-in for")).toBeVisible();
    expect(outside).toEqual([EMBEDS[0].frame]);

    // "Always allow Vimeo": loaded now, and again after a reload without asking; YouTube asks again.
    // The YouTube frame just took the focus and the page may still be settling around it: retry until ticked.
    await expect(async () => {
      await figure("Vimeo").getByLabel("Vimeo immer erlauben").check({ timeout: 5_000 });
    }).toPass();
    await load("Vimeo").click();
    await expect(figure("Vimeo").locator("iframe")).toHaveAttribute("src", EMBEDS[1].frame);
    await expect.poll(() => outside.length).toBe(2);
    expect(outside[1]).toBe(EMBEDS[1].frame);
    await page.reload();
    await expect(figure("Vimeo").locator("iframe")).toHaveAttribute("src", EMBEDS[1].frame);
    await expect(load("YouTube")).toBeVisible();
    await expect(load("Vimeo")).toHaveCount(0);
    await page.waitForLoadState("networkidle");
    expect(outside.slice(2)).toEqual([EMBEDS[1].frame]);

    // Revoked through the footer link: Vimeo asks again.
    await page.getByRole("contentinfo").getByRole("link", { name: de.site.externalContentLink }).click();
    await expect(page.getByRole("heading", { level: 1, name: de.site.externalContentTitle })).toBeVisible();
    await page.getByRole("button", { name: "Erlaubnis für Vimeo widerrufen" }).click();
    await expect(page.getByRole("status")).toHaveText("Die Erlaubnis für Vimeo ist widerrufen.");
    await expect(page.getByText("Auf diesem Gerät ist kein Dienst dauerhaft erlaubt.")).toBeVisible();
    await page.goto(articlePath);
    await expect(load("Vimeo")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(outside).toHaveLength(3);
    await context.close();
  });

  test("the embed page passes axe, and tables read as tables with column headers", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const outside = await interceptAll(context, baseURL!);
    const page = await context.newPage();
    await page.goto(articlePath);
    await expect(page.getByRole("button", { name: /^Inhalt von YouTube laden/ })).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);

    const visitors = page.getByRole("table", { name: "Besucher im Bürgerhaus" });
    await expect(visitors.getByRole("columnheader")).toHaveText(["Jahr", "Besucher"]);
    await expect(visitors.getByRole("row").nth(1).getByRole("cell")).toHaveText(["2025", "12.000"]);
    await expect(page.getByRole("table").nth(1).getByRole("columnheader")).toHaveText(["Partei", "Stimmenanteil"]);
    await expect(page.getByRole("table").nth(2).getByRole("columnheader")).toHaveText(["Linie", "Abfahrt"]);

    // On a phone the table scrolls inside its own box; the page itself does not scroll sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.evaluate(() => {
      const table = document.querySelector(".table-scroll table") as HTMLElement;
      // A wider table than the phone: eight columns of words that cannot wrap.
      table.insertAdjacentHTML("beforeend", "<tbody><tr>" + "<td>Donaudampfschifffahrtsgesellschaft</td>".repeat(8) + "</tr></tbody>");
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await page.locator(".table-scroll").first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(outside).toEqual([]);
    await context.close();
  });

  test("without JavaScript an embed is a link to the original, and feeds carry the link, never a frame or script", async ({ browser, request }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(articlePath);
    const youtube = page.locator("figure.embed").first();
    await expect(youtube.getByRole("link", { name: "www.youtube.com/watch?v=dQw4w9WgXcQ" })).toBeVisible();
    await expect(page.getByRole("button", { name: /laden/ })).toHaveCount(0);
    await expect(page.locator("iframe")).toHaveCount(0);
    await context.close();

    const feed = await (await request.get("/feeds/rss.xml")).text();
    const item = feed.split("<item>").find((i) => i.includes(headline)) ?? "";
    expect(item).toContain("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    expect(item).toContain("Besucher im Bürgerhaus");
    expect(item).not.toMatch(/(<|&lt;)(script|iframe)/i);
    expect(item).not.toContain("embed-consent.js");
  });
});
