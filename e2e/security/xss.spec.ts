// The worst XSS payloads (lib/testing/xss-payloads.ts) rendered by the real pages: an article
// whose every field is a payload — created and published by calling the server actions directly
// with crafted JSON, as an attacker with a desk account would — a byline whose name is one, a
// reader comment, the search box, URL parameters and the desk's filters. Every page listens for
// dialogs (each payload calls alert/confirm/prompt) and for script errors: none may fire, and
// the rendered DOM may hold no handler attribute, javascript: link or injected frame.
import { expect, test } from "../fixtures";
import { type Page } from "@playwright/test";
import { XSS_PAYLOADS, XSS_URLS } from "../../lib/testing/xss-payloads";
import { ACCOUNTS, SignInPage } from "../pages/SignInPage";
import { callAction } from "./server-actions";
import { authState } from "../paths";

const byId = (id: string) => [...XSS_PAYLOADS, ...XSS_URLS].find((x) => x.id === id)!.payload;
const WORST = ["script-tag", "img-onerror", "svg-onload", "iframe-srcdoc", "attr-breakout-double", "script-breakout", "noscript-breakout", "math-mxss", "details-ontoggle", "a-js-entity"].map(byId);

type Watch = { dialogs: string[]; errors: string[] };

/** Records every dialog (dismissed at once) and every script error or CSP refusal on the page. */
function watch(page: Page): Watch {
  const w: Watch = { dialogs: [], errors: [] };
  page.on("dialog", async (dialog) => {
    w.dialogs.push(`${page.url()}: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss().catch(() => undefined);
  });
  page.on("pageerror", (error) => w.errors.push(`${page.url()}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && /Content.Security.Policy|Refused to (execute|load|run)|alert|xss/i.test(message.text())) w.errors.push(`${page.url()}: ${message.text()}`);
  });
  return w;
}

/** Active content in the rendered page, outside the framework's own script tags. */
async function activeContent(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const risky = /^\s*(javascript|data|vbscript):/i;
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const tag = el.tagName.toLowerCase();
      // The pages' own forms (comment, search, desk) are fine; a form's target is checked below.
      if (["iframe", "object", "embed", "frame", "frameset", "base", "svg", "math", "template"].includes(tag) && el.closest("main, article")) found.push(`<${tag}>`);
      if (tag === "script" && el.closest("main") && (el as HTMLScriptElement).type !== "application/ld+json") found.push("<script> in main");
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith("on")) found.push(`${tag}[${name}]`);
        if (name === "srcdoc" || name === "formaction") found.push(`${tag}[${name}]`);
        if (["href", "src", "action", "xlink:href", "data", "poster"].includes(name) && risky.test(attr.value.replace(/[\u0000-\u001f]/g, ""))) found.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
    return found;
  });
}

async function visit(page: Page, url: string, w: Watch, findings: string[]) {
  await page.goto(url);
  await page.waitForLoadState("load");
  for (const f of await activeContent(page)) findings.push(`${url}: ${f}`);
  // Handlers that need a gesture (mouseover, focus) get one.
  await page.mouse.move(200, 300);
  await page.keyboard.press("Tab");
  expect(w.dialogs, url).toEqual([]);
}

test("payloads stored through the actions and typed into URLs never run on reader or desk pages", async ({ browser }) => {
  test.setTimeout(300_000);
  const editor = await browser.newContext({ storageState: authState("editor") });
  const admin = await browser.newContext({ storageState: authState("admin") });

  // A byline whose name is a payload (an admin opens the account; the name is only text).
  const email = `xss-${Date.now()}@copydesk.test`;
  const byline = await callAction(admin.request, "createUserAction", { form: { name: WORST[0], email, role: "journalist" } });
  expect(byline.result).toMatchObject({ ok: true });
  const usersPage = await (await admin.request.get("/desk/users")).text();
  // The account's row: its address, then its controls with the id.
  const authorId = Number(/name="id" value="(\d+)"/.exec(usersPage.slice(usersPage.indexOf(email)))?.[1]);
  expect(authorId).toBeGreaterThan(0);

  const newArticle = await (await editor.request.get("/desk/articles/new")).text();
  const sectionId = Number(/<option value="(\d+)"/.exec(newArticle)?.[1]);
  expect(sectionId).toBeGreaterThan(0);

  const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
  const body = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2, onclick: WORST[1] }, content: [text(WORST[1])] },
      ...WORST.map((payload) => ({ type: "paragraph", attrs: { style: payload }, content: [text(payload, [{ type: "link", attrs: { href: "https://example.org/", target: payload, class: payload } }])] })),
      { type: "blockquote", content: [{ type: "paragraph", content: [text(WORST[2])] }] },
    ],
  };
  const input = {
    headline: `XSS ${WORST[0]}`,
    standfirst: WORST.slice(1, 4).join(" "),
    sectionId,
    language: "en",
    body,
    seoTitle: WORST[4],
    seoDescription: WORST[5],
    tags: WORST.slice(0, 3).map((p) => p.slice(0, 60)),
    related: [{ url: "https://example.org/?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E", title: WORST[6] }],
    authorIds: [authorId],
  };
  // The crafted body with a javascript: link is refused outright …
  const refused = await callAction(editor.request, "createArticleAction", { args: [{ ...input, body: { type: "doc", content: [{ type: "paragraph", content: [text("x", [{ type: "link", attrs: { href: byId("js-entity-decimal") } }])] }] } }] });
  expect(refused.result).toMatchObject({ ok: false, code: "invalid" });
  // … the rest is stored as text and published.
  const created = await callAction(editor.request, "createArticleAction", { args: [input] });
  expect(created.result).toMatchObject({ ok: true });
  const { id, version } = (created.result as { data: { id: number; version: number } }).data;
  const published = await callAction(editor.request, "publishArticleAction", { args: [{ id, version }] });
  expect(published.result).toMatchObject({ ok: true });
  const url = (published.result as { data: { url: string } }).data.url;

  // A reader's comment carrying a payload, approved by the editor.
  const form = { articleId: String(id), name: WORST[7].slice(0, 80), text: WORST.join("\n\n"), website: "" };
  const posted = await editor.request.post("/comments", { form, maxRedirects: 0 });
  expect(posted.status()).toBe(303);
  expect(posted.headers().location).toContain("comment=pending"); // not refused, not rate-limited
  const queue = await (await editor.request.get("/desk/comments")).text();
  const commentIds = [...queue.matchAll(/name="ids" value="(\d+)"/g)].map((m) => m[1]);
  for (const commentId of commentIds) await callAction(editor.request, "moderateCommentsAction", { form: { ids: commentId, action: "approve" } });

  const reader = await browser.newPage();
  const w = watch(reader);
  const findings: string[] = [];
  const tagSlugs = [...(await (await reader.request.get(url)).text()).matchAll(/href="\/tags\/([a-z0-9-]+)"/g)].map((m) => m[1]);
  const q = encodeURIComponent;
  const readerUrls = [
    url,
    `${url}?comment=invalid&name=${q(WORST[0])}&nameError=${q(WORST[1])}&textError=${q(WORST[2])}`,
    `${url}?comment=${q(WORST[3])}&minutes=${q(WORST[4])}`,
    `/a/${id}`,
    ...tagSlugs.slice(0, 2).map((slug) => `/tags/${slug}`),
    ...WORST.slice(0, 6).map((p) => `/search?q=${q(p)}`),
    `/search?q=${q(byId("js"))}&page=${q(WORST[1])}`,
    `/${q(WORST[0])}`,
    `/authors/${q(WORST[1])}`,
    `/signin?callbackUrl=${q(byId("js"))}`,
  ];
  for (const u of readerUrls) await visit(reader, u, w, findings);
  // The payloads are on the page — as text: the headline and the comment.
  await reader.goto(url);
  await expect(reader.getByRole("heading", { level: 1 })).toContainText(WORST[0]);
  await expect(reader.getByText(WORST[7].slice(0, 80), { exact: false }).first()).toBeVisible();

  // The desk renders the same article in the editor (TipTap), its history and preview, and the filtered lists.
  const desk = await editor.newPage();
  const dw = watch(desk);
  for (const u of [`/desk/articles/${id}`, `/desk/articles/${id}/history`, `/desk/articles/${id}/preview`, `/desk?q=${q(WORST[0])}&status=${q(WORST[1])}`, `/desk/comments?status=${q(WORST[2])}`, `/desk/media?q=${q(WORST[3])}`, "/desk/taxonomy", "/desk/users"]) {
    await visit(desk, u, dw, findings);
  }

  expect(findings).toEqual([]);
  expect([...w.dialogs, ...dw.dialogs]).toEqual([]);
  expect([...w.errors, ...dw.errors]).toEqual([]);
  console.info(`[xss-e2e] ${WORST.length} payloads stored, ${readerUrls.length} reader and 8 desk pages rendered: 0 dialogs, 0 script errors`);
});

test("a javascript: callbackUrl does not survive signing in", async ({ page }) => {
  const w = watch(page);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("javascript:alert(document.cookie)")}`);
  await new SignInPage(page).signIn(ACCOUNTS.journalist);
  await expect(page).toHaveURL(/\/desk/);
  expect(w.dialogs).toEqual([]);
});
