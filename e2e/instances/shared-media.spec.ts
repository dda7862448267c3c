// Media every instance shares: two app instances with their own data folders keep images in
// PostgreSQL (COPYDESK_MEDIA_STORAGE=postgres). An image uploaded on one is served, with its
// renditions, by the other; deleted on one, it is gone from both and the edge is told to drop it.
// (Runs in the instances project: PostgreSQL only.)
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { startInstance } from "./servers";
import { portsOf } from "../ports";

const m = messages.en;
const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
const [portA, portB, edgePort] = portsOf("sharedMedia");
const [originA, originB] = [`http://localhost:${portA}`, `http://localhost:${portB}`];
const dataA = "data/e2e-media-a";
const dataB = "data/e2e-media-b";

// Stands in for the edge: records each purge request as Varnish would receive it.
const purges: string[] = [];
const edge = http.createServer((req, res) => {
  if (req.method === "PURGE") purges.push(String(req.headers["xkey-purge"] ?? ""));
  res.end("purged");
});
const stops: (() => void)[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await new Promise<void>((resolve) => edge.listen(edgePort, "127.0.0.1", resolve));
  for (const dir of [dataA, dataB]) fs.rmSync(dir, { recursive: true, force: true });
  const env = { COPYDESK_MEDIA_STORAGE: "postgres", COPYDESK_PURGE_VARNISH: `http://127.0.0.1:${edgePort}`, COPYDESK_PURGE_REPEAT_MS: "0" };
  const [stopA, stopB] = await Promise.all([startInstance(portA, { ...env, COPYDESK_DATA_DIR: dataA }), startInstance(portB, { ...env, COPYDESK_DATA_DIR: dataB })]);
  stops.push(stopA, stopB);
});

test.afterAll(async () => {
  for (const stop of stops) stop();
  await new Promise((resolve) => edge.close(resolve));
});

/** A photo-like JPEG, large enough for three renditions. */
async function photo(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i % 241) ^ ((i / width) % 199);
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

test("an image uploaded on one instance is served by the other; deleted there, it is gone from both and purged", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await pageAs(browser, "editor");
  const name = `Hafenkräne-${Date.now()}.jpg`;

  // Uploaded on instance A…
  await editor.goto(`${originA}/desk/media`);
  await editor.getByLabel(m.media.fileLabel).setInputFiles({ name, mimeType: "image/jpeg", buffer: await photo(1300, 866) });
  await expect(editor.getByRole("status").filter({ hasText: fill(m.media.uploaded, { name }) })).toBeVisible({ timeout: 60_000 });
  const card = editor.getByRole("listitem").filter({ hasText: name });
  const src = (await card.getByRole("img", { name }).getAttribute("src"))!;
  const srcset = (await card.getByRole("img", { name }).getAttribute("srcset"))!;
  expect(src).toMatch(/^\/media\/\d{4}\/\d{2}\/[0-9a-f-]{36}\/w960\.webp$/);
  const uuid = src.split("/")[4];
  const renditions = srcset.split(", ").map((entry) => entry.split(" ")[0]);
  expect(renditions).toHaveLength(4); // 480, 960, 1200 and 1300 (the original: never enlarged)

  // …is served by instance B, every rendition, though B's own disk has none of them.
  for (const url of renditions) {
    const response = await fetch(`${originB}${url}`);
    expect(response.status, url).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("surrogate-key")).toBe(`r:media:${uuid}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect((await sharp(bytes).metadata()).width).toBe(Number(/w(\d+)\.webp$/.exec(url)![1]));
  }
  expect(fs.existsSync(path.join(dataB, "media", ...src.split("/").slice(2)))).toBe(false);
  expect(fs.existsSync(path.join(dataA, "media", ...src.split("/").slice(2)))).toBe(false);
  // And shown in B's library, as a real picture.
  await editor.goto(`${originB}/desk/media`);
  const onB = editor.getByRole("listitem").filter({ hasText: name }).getByRole("img", { name });
  await expect.poll(() => onB.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // Deleted on A, after saying so twice…
  await editor.goto(`${originA}/desk/media`);
  const cardA = editor.getByRole("listitem").filter({ hasText: name });
  await cardA.getByRole("button", { name: m.media.delete }).click();
  await expect(cardA.getByText(fill(m.media.deleteConfirm, { name }))).toBeVisible();
  await cardA.getByRole("button", { name: m.media.deleteYes }).click();
  await expect(editor.getByRole("status").filter({ hasText: fill(m.media.deleted, { name }) })).toBeVisible();
  await expect(editor.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);

  // …it is gone from B at once — B had every rendition in its memory (lib/media/hot-variants.ts)
  // and drops them when A's NOTIFY arrives — and the edge was told to drop its renditions.
  const deletedAt = Date.now();
  for (const url of renditions) await expect.poll(async () => (await fetch(`${originB}${url}`)).status, { timeout: 5_000, intervals: [50] }).toBe(404);
  console.log(`delete on instance A → 404 on instance B after ${Date.now() - deletedAt} ms`);
  await expect.poll(() => purges.some((tags) => tags.split(" ").includes(`r:media:${uuid}`))).toBe(true);
});
