// Varnish in front of two app instances on one PostgreSQL, kept fresh only by purging cache
// tags (deploy/varnish/copydesk.vcl, lib/cache/purge.ts). Varnish may keep every reader page
// for a day; after each desk action the first read through it must show the new state: publish,
// update, correction, slug change (308), comment approval, tag rename, unpublish (410, also
// straight from each instance), and a scheduled article falling due with nobody acting. ("After"
// means once both instances show it themselves — their NOTIFY-driven step, measured by
// e2e/instances — so the check is that Varnish adds no staleness of its own.)
// PostgreSQL and an installed varnishd only (playwright.config.ts).
import type { Browser } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "../fixtures";
import { toNewsroomWallClock } from "../../lib/dates";
import { browserLocale, messages } from "../i18n";
import { startInstance } from "../instances/servers";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";
import { startVarnish, type Varnish } from "./varnish";
import { portsOf } from "../ports";
import { authState } from "../paths";

const m = messages.en;
const [varnishPort, , appA, appB] = portsOf("varnish"); // (+11: Varnish's admin port)
const instances = [`http://localhost:${appA}`, `http://localhost:${appB}`];
let varnish: Varnish;
const stops: (() => void)[] = [];

test.beforeAll(async () => {
  test.setTimeout(240_000);
  varnish = await startVarnish(varnishPort, [appA, appB]);
  stops.push(varnish.stop);
  // Both instances purge this Varnish after their commits; Varnish spreads reads over both.
  const env = { COPYDESK_PURGE_VARNISH: varnish.url };
  stops.push(...(await Promise.all([startInstance(appA, env), startInstance(appB, env)])));
});

test.afterAll(() => {
  for (const stop of stops.splice(0)) stop();
});

type Read = { status: number; html: string; cache: string; location: string; age: string };

/** One GET as a reader's browser makes it, from `origin` (Varnish unless said). */
async function read(path: string, origin = varnish.url): Promise<Read> {
  const response = await fetch(`${origin}${path}`, { redirect: "manual", headers: { "accept-encoding": "gzip" } });
  return {
    status: response.status,
    html: await response.text(),
    cache: response.headers.get("x-cache") ?? "",
    location: response.headers.get("location") ?? "",
    age: response.headers.get("age") ?? "",
  };
}

/** Reads `path` through Varnish until Varnish answers it from its cache (it keeps what the app let it). */
async function cachedAtEdge(path: string) {
  await expect.poll(async () => (await read(path)).cache, { timeout: 20_000, intervals: [300] }).toBe("HIT");
}

/**
 * Waits until both instances answer `path` in the new state themselves (their caches follow the
 * writer's NOTIFY within milliseconds, more on a loaded machine; e2e/instances measures it).
 * Reads go to the instances directly, so Varnish sees none of them: its first read comes after.
 */
async function instancesShow(path: string, fresh: (r: Read) => boolean) {
  for (const origin of instances) await expect.poll(async () => fresh(await read(path, origin)), { timeout: 15_000, intervals: [50] }).toBe(true);
}

async function editorOn(browser: Browser, origin: string) {
  const context = await browser.newContext({ storageState: authState("editor"), locale: browserLocale.en, baseURL: origin });
  return context.newPage();
}

test("through Varnish, the first read after each desk action shows the new state", async ({ browser }) => {
  test.setTimeout(420_000);
  const stamp = Date.now();
  const headline = `Fährhaus am Südkai ${stamp}`;
  const tagName = `Südkai ${stamp}`;
  const lists = ["/", "/kultur", "/feeds/rss.xml", "/feeds/section/kultur/atom.xml"];
  const editor = await editorOn(browser, instances[0]);
  const desk = new ArticleEditorPage(editor);

  // Readers have the lists cached at the edge before anything happens.
  for (const path of lists) await cachedAtEdge(path);

  // Publish (on instance A).
  const articleUrl = await desk.createDraft({ headline, section: "Kultur", text: "Das Fährhaus am Südkai wird ein Treffpunkt für „alle“ im Viertel." });
  await desk.standfirst.fill("Erste Fassung: Das Fährhaus öffnet.");
  await editor.getByLabel(m.editor.addTag, { exact: true }).fill(tagName);
  await editor.getByLabel(m.editor.addTag, { exact: true }).press("Enter");
  await desk.saved();
  await desk.publish();
  const live = (await editor.getByRole("link", { name: m.editor.viewLive }).getAttribute("href"))!;
  expect((await read(live)).html).toContain("Erste Fassung: Das Fährhaus öffnet.");
  for (const path of lists) expect((await read(path)).html, path).toContain(headline);

  // The app names the page's tags for the edge and lets it keep the page long; Varnish keeps
  // the tags to itself.
  const direct = await fetch(`${instances[1]}${live}`);
  const [, sectionSlug, slug] = live.split("/");
  expect(direct.headers.get("surrogate-key")?.split(" ")).toContain(`r:article:${sectionSlug}/${slug}`);
  expect(direct.headers.get("cache-tag")?.split(",")).toContain(`r:article:${sectionSlug}/${slug}`);
  expect(direct.headers.get("cache-control")).toMatch(/s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400/);
  expect((await fetch(`${varnish.url}${live}`)).headers.get("surrogate-key")).toBeNull();
  await cachedAtEdge(live);
  for (const path of lists) await cachedAtEdge(path);

  // Update.
  await editor.goto(articleUrl);
  await desk.standfirst.fill("Zweite Fassung: Das Fährhaus öffnet im Mai.");
  await desk.saved();
  await desk.publishUpdate();
  await instancesShow(live, (r) => r.html.includes("Zweite Fassung"));
  const updated = await read(live);
  expect(updated.html, `x-cache ${updated.cache}, age ${updated.age}`).toContain("Zweite Fassung: Das Fährhaus öffnet im Mai.");
  expect(updated.html).not.toContain("Erste Fassung");
  for (const path of lists) expect((await read(path)).html, path).not.toContain("Erste Fassung");
  await cachedAtEdge(live);

  // Correction.
  await editor.goto(articleUrl);
  await desk.button(m.editor.correctionToggle).click();
  await editor.getByLabel(m.editor.correctionText).fill("In einer früheren Fassung stand der falsche Monat.");
  await desk.publishUpdate();
  await instancesShow(live, (r) => r.html.includes("falsche Monat"));
  expect((await read(live)).html).toContain("In einer früheren Fassung stand der falsche Monat.");
  await cachedAtEdge(live);

  // Slug change: the old address answers 308 to the new one at once, the new one the article.
  const moved = `${live}-mai`;
  await editor.goto(articleUrl);
  await editor.getByLabel(m.editor.slug, { exact: true }).fill(moved.split("/")[2]);
  await desk.saved();
  await desk.publishUpdate();
  await instancesShow(live, (r) => r.status === 308);
  const old = await read(live);
  expect(old.status).toBe(308);
  expect(new URL(old.location, varnish.url).pathname).toBe(moved);
  expect((await read(moved)).html).toContain("Zweite Fassung: Das Fährhaus öffnet im Mai.");
  await cachedAtEdge(moved);
  await cachedAtEdge(live); // the 308 too

  // Comment approval: a reader comments (through Varnish), the editor approves on instance A.
  const commenter = `Grete Südkai ${stamp}`;
  const reader = await (await browser.newContext({ baseURL: varnish.url })).newPage();
  await reader.goto(moved);
  await reader.getByLabel(messages.de.comments.nameLabel).fill(commenter);
  await reader.getByLabel(messages.de.comments.textLabel).fill("Schön, dass das Fährhaus wieder öffnet – großartig!");
  await reader.getByRole("button", { name: messages.de.comments.submit }).click();
  await expect(reader.getByRole("status")).toHaveText(messages.de.comments.pending);
  await cachedAtEdge(moved);
  expect((await read(moved)).html).not.toContain("großartig!");
  await editor.goto("/desk/comments");
  await editor.getByLabel(`Select the comment by ${commenter}`).check();
  await editor.getByRole("button", { name: m.comments.approve }).click();
  await expect(editor.getByRole("status")).toHaveText("One comment approved.");
  await instancesShow(moved, (r) => r.html.includes("großartig!"));
  expect((await read(moved)).html).toContain("großartig!");
  await cachedAtEdge(moved);

  // Tag rename: the article shows the new name at once.
  const renamed = `Südkai-Kultur ${stamp}`;
  await editor.goto(`/desk/taxonomy?q=${stamp}`);
  const row = editor.getByRole("row").filter({ has: editor.getByRole("rowheader", { name: tagName, exact: true }) });
  await row.getByLabel(m.taxonomy.renameTagLabel.replace("{name}", tagName)).fill(renamed);
  await row.getByRole("button", { name: `${m.taxonomy.rename} ${tagName}` }).click();
  await expect(editor.getByRole("row").filter({ has: editor.getByRole("rowheader", { name: renamed, exact: true }) })).toBeVisible();
  await instancesShow(moved, (r) => r.html.includes(renamed));
  const retagged = await read(moved);
  expect(retagged.html).toContain(renamed);
  expect(retagged.html).not.toContain(`>${tagName}<`);
  await cachedAtEdge(moved);

  // Unpublish: gone from Varnish on the first request after the commit, and from both instances.
  for (const origin of instances) expect((await read(moved, origin)).status).toBe(200);
  await cachedAtEdge(moved);
  for (const path of lists) await cachedAtEdge(path);
  await editor.goto(articleUrl);
  await desk.unpublish();
  // The instance that committed answers 410 on its first request; the other as soon as the
  // NOTIFY reached it; then the first read through Varnish is a 410 too, never the article.
  const committer = await read(moved, instances[0]);
  expect(committer.status).toBe(410);
  await instancesShow(moved, (r) => r.status === 410 && !r.html.includes("Zweite Fassung"));
  const gone = await read(moved);
  expect(gone.status).toBe(410);
  expect(gone.html).not.toContain("Zweite Fassung");
  for (const path of lists) expect((await read(path)).html, path).not.toContain(headline);
  expect((await read(moved)).status).toBe(410);

  // A scheduled article falls due with nobody acting: each instance's ticker expires its pages
  // and purges them at the edge, which otherwise keeps the section front for a day.
  const planned = `Geplant am Südkai ${stamp}`;
  await desk.createDraft({ headline: planned, section: "Kultur", text: "Erscheint zur geplanten Zeit." });
  const due = new Date(Math.ceil((Date.now() + 25_000) / 1000) * 1000);
  await desk.schedule(`${toNewsroomWallClock(due)}:${String(due.getUTCSeconds()).padStart(2, "0")}`);
  await cachedAtEdge("/kultur");
  await cachedAtEdge("/");
  expect(Date.now(), "the schedule took so long that it fell due before the edge had the fronts").toBeLessThan(due.getTime());
  expect((await read("/kultur")).html).not.toContain(planned);
  // Each instance's ticker finds the due article by itself, up to a second apart, and purges after
  // expiring its own copies: a read that reaches the later instance just before its tick may be
  // kept until that instance's purge a moment later. So: both fronts, each polled.
  for (const front of ["/kultur", "/"]) {
    await expect.poll(async () => (await read(front)).html.includes(planned), { message: front, timeout: 60_000, intervals: [250] }).toBe(true);
  }
  // Seen through Varnish within seconds of falling due (its own TTL would have been a day).
  expect(Date.now() - due.getTime()).toBeLessThan(10_000);

  const { hits, misses, hitRate } = varnish.stats();
  console.log(`Varnish over the journey: ${hits} hits, ${misses} misses — hit rate ${(hitRate * 100).toFixed(1)} %`);
});

test("readers asking for a new page at the same moment each get it tagged, or kept from the edge", async ({ factory, runId }) => {
  // Next renders an address once for every request waiting for it; only the request that started
  // the render learns the page's tags. The others must not hand Varnish a page no purge reaches
  // (before: no tags, and Next's own s-maxage=60 with a year of stale-while-revalidate).
  const article = await factory.published({ headline: `Gleichzeitig am Südkai ${runId}`, section: "kultur" });
  const tag = `r:article:${article.url.slice(1)}`;
  for (const origin of instances) {
    // Neither instance has rendered the page yet: four readers ask at once.
    const answers = await Promise.all(Array.from({ length: 4 }, () => fetch(`${origin}${article.url}`, { headers: { "accept-encoding": "gzip" } })));
    const seen = answers.map((r) => ({ status: r.status, keys: (r.headers.get("surrogate-key") ?? "").split(" "), cacheControl: r.headers.get("cache-control") ?? "" }));
    const what = `${origin}: ${JSON.stringify(seen)}`;
    for (const answer of seen) {
      expect(answer.status, what).toBe(200);
      if (/\bprivate\b/.test(answer.cacheControl)) continue; // kept from the edge
      expect(answer.keys, what).toContain(tag);
      expect(answer.cacheControl, what).toMatch(/s-maxage=86400/);
    }
    expect(seen.some((answer) => answer.keys.includes(tag)), what).toBe(true);
  }
});

test("an image's renditions are kept at the edge, and gone from it on the first read after the image is deleted", async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await editorOn(browser, instances[0]);
  const name = `Kran am Südkai ${Date.now()}.png`;
  const picture = await sharp({ create: { width: 1000, height: 600, channels: 3, background: { r: 40, g: 90, b: 140 } } }).png().toBuffer();
  const uploaded = await editor.request.post("/api/media", { multipart: { file: { name, mimeType: "image/png", buffer: picture } } });
  expect(uploaded.status()).toBe(201);
  const { item } = (await uploaded.json()) as { item: { src: string; srcset: string } };
  const renditions = item.srcset.split(", ").map((entry) => entry.split(" ")[0]);
  expect(renditions.length).toBeGreaterThan(1);

  // Readers fetch every rendition through Varnish, which keeps them (a year, by their own headers).
  for (const url of renditions) {
    await cachedAtEdge(url);
    const atEdge = await fetch(`${varnish.url}${url}`);
    expect(atEdge.status, url).toBe(200);
    expect(atEdge.headers.get("content-type"), url).toBe("image/webp");
  }

  // Deleted in the desk, on the other instance than the one it was uploaded on…
  await editor.goto(`${instances[1]}/desk/media`);
  const card = editor.getByRole("listitem").filter({ hasText: name });
  await card.getByRole("button", { name: m.media.delete }).click();
  await card.getByRole("button", { name: m.media.deleteYes }).click();
  await expect(editor.getByRole("status").filter({ hasText: m.media.deleted.replace("{name}", name) })).toBeVisible();

  // …both instances answer 404 themselves, and so does Varnish on its first read: the purge of
  // the upload's tag (r:media:<uuid>) dropped every rendition it kept.
  for (const url of renditions) await instancesShow(url, (r) => r.status === 404);
  for (const url of renditions) {
    const first = await read(url);
    expect(first.status, `${url} through Varnish (x-cache ${first.cache}, age ${first.age})`).toBe(404);
  }
});
