// Security headers on every kind of response, and a script policy that really holds: reader
// pages allow exactly the hashes of their own inline scripts (they are cached for everyone, so
// they cannot carry a per-request nonce); the desk gets a fresh nonce each request. Pages are
// used as a person uses them — the copy button, the editor's autosave — while the browser
// reports every policy violation; an injected inline script must be refused.
import crypto from "node:crypto";
import { devices, type APIResponse, type Page } from "@playwright/test";
import { expect, test, pageAs } from "../fixtures";
import { messages } from "../i18n";
import { ArticleEditorPage } from "../pages/ArticleEditorPage";

const ARTICLE = "/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden";
const de = messages.de.article;

function expectBaseline(response: APIResponse, what: string) {
  const h = response.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], what).toContain("camera=()");
  expect(h["x-powered-by"], what).toBeUndefined();
  expect(h["content-security-policy"], what).toBeTruthy();
  expect(h["strict-transport-security"], `${what}: HSTS only over HTTPS`).toBeUndefined();
}

/** The script-src sources of a policy. */
function scriptSources(policy: string): string[] {
  const directive = policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src "));
  expect(directive, policy).toBeTruthy();
  return directive!.split(/\s+/).slice(1);
}

/** Inline scripts of an HTML document, as the browser hashes them. */
function inlineScripts(html: string): { attributes: string; text: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter((m) => !/\bsrc\s*=/i.test(m[1])).map((m) => ({ attributes: m[1], text: m[2] }));
}

const sha256 = (text: string) => `'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Every policy violation and script error the page reports, from the first byte on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content.Security.Policy|Refused to/i.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

test("reader pages allow exactly their own inline scripts, by hash, on a fresh render and from the caches", async ({ request }) => {
  for (const path of [ARTICLE, "/", "/politik", "/search?q=Hafen", "/community-standards", "/gibt-es/nicht"]) {
    // The first answer may be rendered just now, the later ones come from the page cache and
    // then from the front cache: each must carry a policy that fits the bytes it came with.
    for (let round = 0; round < 3; round++) {
      const response = await request.get(path);
      const what = `${path} #${round + 1}`;
      expectBaseline(response, what);
      const policy = response.headers()["content-security-policy"];
      const sources = scriptSources(policy);
      expect(sources, what).not.toContain("'unsafe-inline'");
      expect(sources, what).not.toContain("'unsafe-eval'");
      expect(policy, what).toContain("object-src 'none'");
      expect(policy, what).toContain("base-uri 'self'");
      const html = await response.text();
      // Sent as plain HTML: no React runtime, no RSC payload (lib/http/reader-html.mjs); what
      // inline scripts remain are the page's own (JSON-LD). The missing article too: Next's empty
      // 404 shell (vercel/next.js#95613) is replaced by the site's 404 page.
      expect(html, what).not.toMatch(/<script[^>]*\bsrc="\/_next\//);
      expect(html, what).not.toContain("self.__next_f");
      const scripts = inlineScripts(html);
      for (const s of scripts) expect(sources, `${what}: ${s.text.slice(0, 60)}`).toContain(sha256(s.text));
      // Nothing more than the page needs: the site's own files and these hashes.
      expect(sources.filter((s) => s !== "'self'").sort(), what).toEqual([...new Set(scripts.map((s) => sha256(s.text)))].sort());
    }
  }
});

test("the desk gets a fresh nonce on every request, carried by each of its scripts, and may not be framed", async ({ browser }) => {
  const page = await pageAs(browser, "journalist");
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await page.request.get("/desk");
    expectBaseline(response, "/desk");
    const policy = response.headers()["content-security-policy"];
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    const sources = scriptSources(policy);
    expect(sources).not.toContain("'unsafe-inline'");
    const nonce = sources.find((s) => s.startsWith("'nonce-"))!.slice(7, -1);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    nonces.push(nonce);
    const scripts = [...(await response.text()).matchAll(/<script\b([^>]*)>/gi)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
  }
  expect(nonces[0]).not.toBe(nonces[1]);

  const signin = await page.request.get("/signin");
  expectBaseline(signin, "/signin");
  expect(signin.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(signin.headers()["x-frame-options"]).toBe("DENY");
  await page.context().close();
});

test("feeds, data, images and redirects carry a policy that lets them load nothing", async ({ request }) => {
  const html = await (await request.get(ARTICLE)).text();
  const image = /<img[^>]+src="(\/media\/[^"]+)"/.exec(html)?.[1];
  expect(image, "the demo article has a lead image").toBeTruthy();
  const responses: [string, APIResponse][] = [
    ["feed", await request.get("/feeds/rss.xml")],
    ["sitemap", await request.get("/sitemap.xml")],
    ["image", await request.get(image!)],
    ["views API", await request.post("/api/views", { data: { id: "not a number" } })],
    ["short link", await request.get(/href="(\/a\/\d+)"/.exec(html)![1], { maxRedirects: 0 })],
    ["desk without a session", await request.get("/desk", { maxRedirects: 0 })],
  ];
  for (const [what, response] of responses) {
    expectBaseline(response, what);
    expect(response.headers()["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
  }
});

test("HSTS is sent when the site is reached over HTTPS", async ({ request }) => {
  for (const path of ["/", ARTICLE, "/feeds/rss.xml"]) {
    const response = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(response.headers()["strict-transport-security"], path).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  }
});

test("reading and writing run without a single policy violation, and an injected inline script is refused", async ({ browser }) => {
  // A reader: the article (its copy button proves the page's scripts ran), first fresh, then cached.
  const context = await browser.newContext({ ...devices["Desktop Chrome"], permissions: ["clipboard-read", "clipboard-write"] });
  const reader = await context.newPage();
  const readerViolations = await watchViolations(reader);
  for (let i = 0; i < 2; i++) {
    await reader.goto(ARTICLE);
    const article = reader.getByRole("article");
    await article.getByRole("button", { name: de.copyLink }).click();
    await expect(article.locator('[aria-live="polite"]')).toHaveText(de.copied);
  }
  await reader.getByRole("navigation").getByRole("link").nth(1).click(); // a section
  await expect(reader.getByRole("main")).toBeVisible();
  expect(await readerViolations()).toEqual([]);

  // Something that got into the page (it never should) cannot run.
  const ran = await reader.evaluate(async () => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true";
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  expect((await readerViolations()).join("\n")).toMatch(/script-src/);
  await context.close();

  // A journalist writes: the editor loads, autosaves and navigates under the nonce policy.
  const page = await pageAs(browser, "journalist");
  const deskViolations = await watchViolations(page);
  const editor = new ArticleEditorPage(page);
  await editor.gotoNew();
  await editor.headline.fill("Richtlinie hält: Überschrift mit „Anführungszeichen“");
  await editor.section.selectOption({ label: "Wirtschaft" });
  await editor.clickBody();
  await page.keyboard.type("Ein Absatz, geschrieben unter der Sicherheitsrichtlinie.");
  await expect(editor.saveStatus).toHaveText(/^Saved/, { timeout: 15_000 });
  await page.goto("/desk");
  await expect(page.getByRole("main")).toBeVisible();
  expect(await deskViolations()).toEqual([]);
  await page.context().close();
});
