// The media library: a journalist uploads a photo (watching it go up), describes it, finds it
// again by its caption; files that are not accepted images are refused with a message that
// says why. The picker: an editor searches the library in the dialog and picks an image.
import { type Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test, pageAs, readerPage } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const m = messages.en;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

/** A noisy photo-like JPEG (noise keeps it large enough to watch the upload). */
async function photo(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i % 251) ^ ((Math.random() * 64) | 0);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).toBuffer();
}

const uploadInput = (page: Page) => page.getByLabel(m.media.fileLabel);
const uploadAlert = (page: Page) => page.getByRole("region", { name: m.media.uploadHeading }).getByRole("alert");

test("a journalist uploads a JPEG with progress, describes it and finds it by its caption", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  await page.goto("/desk");
  await page.getByRole("navigation", { name: m.desk.navLabel }).getByRole("link", { name: m.desk.media }).click();
  await expect(page.getByRole("heading", { level: 1, name: m.media.title })).toBeVisible();

  const stamp = Date.now();
  const name = `harbour-${stamp}.jpg`;
  const bytes = await photo(1800, 1200);
  // A slow uplink, so the progress bar is there to be seen moving.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: Math.ceil(bytes.length / 4) });
  await uploadInput(page).setInputFiles({ name, mimeType: "image/jpeg", buffer: bytes });
  const progress = page.getByRole("progressbar", { name: fill(m.media.progressLabel, { name }) });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number((await progress.getAttribute("value")) ?? 0), { timeout: 10_000 }).toBeGreaterThan(0);
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await expect(page.getByRole("status").filter({ hasText: fill(m.media.uploaded, { name }) })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("progressbar")).toHaveCount(0);

  // It appears in the grid, served as a real image by /media/….
  const card = page.getByRole("listitem").filter({ hasText: name });
  const image = card.getByRole("img", { name });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const src = (await image.getAttribute("src"))!;
  expect(src).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\/w960\.webp$/);
  expect(await image.getAttribute("srcset")).toMatch(/w480\.webp 480w, .*w960\.webp 960w, .*w1600\.webp 1600w$/);
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  for (const bad of [src.replace("w960.webp", "original.jpg"), "/media/..%2F..%2Fpackage.json", "/media/2026/11/nope/w960.webp"]) {
    expect((await page.request.get(bad)).status(), bad).toBe(404);
  }

  // The journalist describes their photo.
  const caption = `Die Fähre legt im Hafen an ${stamp}`;
  await card.getByText(m.media.editDefaults).click();
  await card.getByLabel(m.media.caption, { exact: true }).fill(caption);
  await card.getByLabel(m.media.credit, { exact: true }).fill("Foto: Ann Weber");
  await card.getByLabel(m.media.alt, { exact: true }).fill("A yellow ferry at the quay");
  await card.getByRole("button", { name: m.media.save }).click();
  await expect(card.getByRole("status")).toHaveText(m.media.saved);
  await expect(card.getByRole("img", { name: "A yellow ferry at the quay" })).toBeVisible();
  await page.screenshot({ path: "test-results/media-library.png", fullPage: true });

  // Search by a word of the caption (any case) finds it; a word that is nowhere finds nothing.
  await page.getByLabel(m.media.searchLabel).fill(`FÄHRE ${stamp}`);
  await page.getByRole("button", { name: m.media.searchSubmit }).click();
  await expect(page).toHaveURL(/\/desk\/media\?q=F%C3%84HRE/);
  await expect(page.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: m.media.libraryHeading })).toContainText("1 image");
  await page.getByLabel(m.media.searchLabel).fill(`nowhere-${stamp}`);
  await page.getByRole("button", { name: m.media.searchSubmit }).click();
  await expect(page.getByText(fill(m.media.noResults, { q: `nowhere-${stamp}` }))).toBeVisible();
});

test("files that are not accepted images are refused, each with its own reason", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  await page.goto("/desk/media");
  const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  await uploadInput(page).setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: svg });
  await expect(uploadAlert(page)).toContainText(`logo.svg: ${m.validation.mediaSvg}`);

  await uploadInput(page).setInputFiles({ name: "holiday.jpg", mimeType: "image/jpeg", buffer: Buffer.from("Dear desk, the photos follow tomorrow.\n") });
  await expect(uploadAlert(page)).toContainText(`holiday.jpg: ${fill(m.validation.mediaNotImage, { kind: m.validation.mediaKind.text })}`);

  const tooLarge = fill(m.validation.mediaTooLarge, { max: 20 });
  const oversize = Buffer.alloc(20 * 1024 * 1024 + 1, 0xff);
  await uploadInput(page).setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: oversize });
  await expect(uploadAlert(page)).toContainText(`huge.jpg: ${tooLarge}`);
  // The page refuses before sending; the server refuses on its own too, before reading it all.
  const direct = await page.request.post("/api/media", { headers: { "Accept-Language": "en-GB" }, multipart: { file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: oversize } } });
  expect(direct.status()).toBe(413);
  expect(await direct.json()).toMatchObject({ ok: false, message: tooLarge });
  await expect(page.getByRole("listitem").filter({ hasText: /logo\.svg|holiday\.jpg|huge\.jpg/ })).toHaveCount(0);

  // Signed out: no upload, no list, and JSON rather than a sign-in page or a stack trace.
  const anonymous = await readerPage(browser);
  const list = await anonymous.request.get("/api/media");
  expect(list.status()).toBe(401);
  expect(await list.json()).toMatchObject({ ok: false, code: "unauthenticated" });
  const upload = await anonymous.request.post("/api/media", { multipart: { file: { name: "a.jpg", mimeType: "image/jpeg", buffer: await photo(40, 30) } } });
  expect(upload.status()).toBe(401);
});

test("an editor picks a library image for the lead in the picker dialog; focus returns to the opener", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  const stamp = Date.now();
  const uploaded = await page.request.post("/api/media", {
    multipart: { file: { name: `council-${stamp}.jpg`, mimeType: "image/jpeg", buffer: await photo(1000, 700) }, caption: `Ratssitzung ${stamp}`, credit: "dpa", alt: `The council in session ${stamp}` },
  });
  expect(uploaded.status()).toBe(201);
  const other = await page.request.post("/api/media", { multipart: { file: { name: `other-${stamp}.png`, mimeType: "image/png", buffer: await sharp(await photo(300, 200)).png().toBuffer() } } });
  expect(other.status()).toBe(201);

  // The article editor opens the picker for the lead image.
  await new ArticleEditorPage(page).gotoNew(`Ratssitzung ${stamp}`);
  const opener = page.getByRole("button", { name: m.editor.leadImageChoose });
  await opener.click();
  const dialog = page.getByRole("dialog", { name: m.media.pickerTitle });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel(m.media.fileLabel)).toBeAttached(); // the same upload control
  await dialog.getByLabel(m.media.pickerSearch).fill(`ratssitzung ${stamp}`);
  const choice = dialog.getByRole("button", { name: `The council in session ${stamp}` });
  await expect(choice).toBeVisible();
  await expect(dialog.getByRole("listitem")).toHaveCount(1);
  await expect.poll(() => choice.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await dialog.getByLabel(m.media.pickerSearch).fill("");
  await expect.poll(() => dialog.getByRole("listitem").count()).toBeGreaterThan(1);
  await expect.poll(() => dialog.locator("img").evaluateAll((imgs: HTMLImageElement[]) => imgs.every((img) => img.complete && img.naturalWidth > 0))).toBe(true);
  await page.screenshot({ path: "test-results/media-picker.png" });
  await dialog.getByLabel(m.media.pickerSearch).fill(`ratssitzung ${stamp}`);
  await choice.click();
  await expect(dialog).toBeHidden();
  // The choice arrives with the library's defaults, ready to adjust for this article.
  await expect(page.getByRole("img", { name: `The council in session ${stamp}` })).toBeVisible();
  await expect(page.getByLabel(m.editor.caption, { exact: true })).toHaveValue(`Ratssitzung ${stamp}`);
  await expect(page.getByLabel(m.editor.credit, { exact: true })).toHaveValue("dpa");

  // Esc and the close button close it too, back to the button that opened it.
  const replace = page.getByRole("button", { name: m.editor.leadImageReplace });
  await replace.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(replace).toBeFocused();
  await replace.click();
  await dialog.getByRole("button", { name: m.media.close }).click();
  await expect(dialog).toBeHidden();
  await expect(replace).toBeFocused();
});
