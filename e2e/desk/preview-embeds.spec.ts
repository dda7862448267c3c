// The desk's preview shows an article's embeds as readers get them: a placeholder that loads
// nothing until the click, then the provider's frame — allowed by the preview's own script
// policy (a per-request nonce, which the reader's per-page frame list cannot be).
import { expect, test } from "../fixtures";

const SEAGRASS = "/wissen/seagrass-is-returning-to-the-river-flats-below-elbstadt-survey-finds";

test("an editor previews the demo's map embed and loads it with one click, without a policy violation", async ({ as, reader }) => {
  // The article's id, from the short link readers see.
  const readerPage = await reader();
  await readerPage.goto(SEAGRASS);
  const shortLink = await readerPage.getByRole("article").locator('a[href^="/a/"]').first().getAttribute("href");
  const id = Number(/^\/a\/(\d+)$/.exec(shortLink ?? "")?.[1]);
  expect(id).toBeGreaterThan(0);

  const page = await as("editor");
  const requested: string[] = [];
  // The provider is never really asked: a stand-in answers for it, and anything else outside fails.
  await page.route("https://www.openstreetmap.org/**", (route) => {
    requested.push(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>map stand-in</title><p>map</p>" });
  });
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });

  const response = await page.goto(`/desk/articles/${id}/preview`);
  expect(response?.headers()["content-security-policy"]).toMatch(/frame-src 'self'[^;]* https:\/\/www\.openstreetmap\.org/);
  const map = page.locator("figure.embed").filter({ hasText: "OpenStreetMap" });
  await expect(map).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  expect(requested).toEqual([]);

  await map.getByRole("button", { name: /OpenStreetMap/ }).click();
  const frame = page.locator("iframe");
  await expect(frame).toHaveCount(1);
  await expect(frame).toHaveAttribute("src", /^https:\/\/www\.openstreetmap\.org\/export\/embed\.html\?bbox=/);
  await expect.poll(() => requested.length).toBeGreaterThan(0);
  await expect(page.frameLocator("iframe").getByText("map")).toBeVisible();
  expect(violations).toEqual([]);

  // The editor's own page keeps framing nothing.
  const editorPolicy = (await page.request.get(`/desk/articles/${id}`)).headers()["content-security-policy"];
  expect(editorPolicy).not.toContain("frame-src");
});
