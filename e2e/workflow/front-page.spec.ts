// The desk arranges the home page: an editor makes an older article the lead story, readers see
// it on top with their next request (the cached page is expired when the placement commits),
// and unpublishing it hands the lead back to the newest article.
// On a server with a newsroom of its own (e2e/own-server.ts): which article is the newest is a
// question about the whole newsroom, and journeys running beside these publish all the time.
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expect, Factory, factoryContext, pageWith, test } from "../fixtures";
import { messages } from "../i18n";
import { startOwnServer } from "../own-server";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { ACCOUNTS, DEMO_PASSWORD, signedInWithPassword } from "../pages/SignInPage";
import { portsOf } from "../ports";

const [port] = portsOf("frontPage");
const origin = `http://localhost:${port}`;
let stop: () => Promise<void> = async () => {};
let api: APIRequestContext | null = null;
let factory: Factory;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  stop = await startOwnServer("front-page", port);
  api = await factoryContext(playwrightRequest, origin);
  factory = new Factory(api);
});

test.afterAll(async () => {
  await api?.dispose();
  await stop();
});

/** The editor, signed in on this journey's server. */
async function editorPage(browser: Browser): Promise<Page> {
  return (await signedInWithPassword(browser, ACCOUNTS.editor, DEMO_PASSWORD, { baseURL: origin, timeout: 30_000 })).page;
}

/** An anonymous reader of this journey's server. */
const readerPage = (browser: Browser) => pageWith(browser, { baseURL: origin });

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

/**
 * Each teaser picture on the page: the width it is shown at and the width its `sizes` names. The
 * browser's own reading of `sizes`: a 1000-pixel probe declared `1000w` gets that width as its
 * natural width.
 */
async function teaserPictureWidths(page: Page) {
  return page.locator("img.teaser__image").evaluateAll(async (images) => {
    const probeSrc = "data:image/svg+xml," + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="1"/>');
    return Promise.all(
      images.map(async (img) => {
        const probe = new Image();
        probe.sizes = (img as HTMLImageElement).sizes;
        probe.srcset = `${probeSrc} 1000w`;
        await probe.decode();
        return { teaser: img.closest(".teaser")!.className, shown: Math.round(img.getBoundingClientRect().width), sizes: probe.naturalWidth };
      }),
    );
  });
}

/** The headline of a front's lead story (the home page's, or a section's): the first story heading in the main content. */
async function leadHeadline(browser: Browser, front = "/") {
  const reader = await readerPage(browser);
  await reader.goto(front);
  const text = await reader.getByRole("main").getByRole("heading", { level: 2 }).first().textContent();
  await reader.context().close();
  return text;
}

test("an editor makes an older article the lead story; unpublishing it hands the lead back to the newest", async ({ browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const older = `Hafenkran wird abgebaut ${stamp}`;
  const newest = `Werft stellt 40 Lehrlinge ein ${stamp}`;
  const editor = await editorPage(browser);
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

test("an editor arranges a section front: the older article leads the section, releasing the slot gives it back to the newest", async ({ browser, runId }) => {
  test.setTimeout(180_000);
  const editor = await editorPage(browser);
  const older = `Sternwarte öffnet wieder ${runId}`;
  const newest = `Forscherinnen zählen „Rekordzahl“ an Seehunden ${runId}`;
  const a = await factory.published({ headline: older, section: "wissen" });
  await factory.published({ headline: newest, section: "wissen" });

  expect(await leadHeadline(browser, "/wissen")).toBe(newest);

  // The editor picks the section front in the desk and puts the older article into its lead.
  await editor.goto("/desk/front");
  await editor.getByLabel(m.front.pickFront).selectOption({ label: "Wissen" });
  await editor.getByRole("button", { name: m.front.show, exact: true }).click();
  await expect(editor).toHaveURL(/front=%2Fwissen/);
  const leadSlot = editor.locator('[data-slot="lead"]');
  await leadSlot.getByLabel(m.front.articleLabel.replace("{slot}", m.front.lead)).fill(a.url);
  await leadSlot.getByRole("button", { name: m.front.place, exact: true }).click();
  await expect(leadSlot.getByRole("status")).toHaveText(m.front.placedDone.replace("{slot}", m.front.lead));
  await expect(leadSlot.getByRole("heading", { level: 2 })).toHaveText(older);

  // Readers of the section see it on top with their next request.
  expect(await leadHeadline(browser, "/wissen")).toBe(older);

  // An article of another section is refused for this front, beside the field.
  const other = await factory.published({ headline: `Stadtrat tagt ${runId}`, section: "politik" });
  const second = editor.locator('[data-slot="second-1"]');
  const secondName = m.front.secondary.replace("{n}", "1");
  await second.getByLabel(m.front.articleLabel.replace("{slot}", secondName)).fill(other.url);
  await second.getByRole("button", { name: m.front.place, exact: true }).click();
  await expect(second.getByText(m.validation.frontArticleWrongSection)).toBeVisible();

  // Released, the lead shows the newest article of the section again.
  await leadSlot.getByRole("button", { name: `${m.front.clear}: ${m.front.lead}` }).click();
  await expect(leadSlot.getByRole("status")).toHaveText(m.front.clearedDone.replace("{slot}", m.front.lead));
  expect(await leadHeadline(browser, "/wissen")).toBe(newest);
});

test("teaser pictures ask for the width they are shown at, on a wide screen and on a phone", async ({ browser, runId }) => {
  // The newest article, without a picture, leads the home page: on a wide screen the secondary
  // stories then stand in a row of four beneath it, wider than their usual thumbnails.
  await factory.published({ headline: `Deich bei Elbstadt hält ${runId}`, section: "politik" });
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const reader = await readerPage(browser);
    await reader.setViewportSize(viewport);
    await reader.goto("/");
    const pictures = await teaserPictureWidths(reader);
    expect(pictures.length, `pictured teasers at ${viewport.width} px`).toBeGreaterThan(0);
    for (const p of pictures) expect(Math.abs(p.sizes - p.shown), `${p.teaser} at ${viewport.width} px: shown ${p.shown} px, sizes ${p.sizes} px`).toBeLessThanOrEqual(2);
    await reader.context().close();
  }
});
