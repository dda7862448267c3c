// Absurd server-action payloads, sent the way a script would (no page: the action's id and
// arguments of our choosing) with a desk session: a 5 MB field, a body nested 200 deep,
// 100,000 tags, a 5 MB form field. Each gets a validation message at its field — never a 500, a
// stack trace or a raw error — and nothing is written. Past the transport limit (8 MB,
// lib/http/body-limit.mjs) the server answers 413 with a plain message before Next reads a byte,
// and arguments nested 10,000 deep (React's decoder would overflow its stack: a 500) get 400.
import { expect, test } from "../fixtures";
import { type APIRequestContext, type Browser } from "@playwright/test";
import { messages } from "../i18n";
import { actionId, callAction } from "./server-actions";
import { authState } from "../paths";

const MB5 = "ä".repeat((5 * 1024 * 1024) / 2);
/** A message in either language (the demo people's own language decides which). */
const either = (pick: (m: (typeof messages)["en"]) => string) => new RegExp(`^(${[pick(messages.en), pick(messages.de)].map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`);
const STACK = /at [\w.<>]+ \(|Error:|node_modules|\.tsx?:\d/;

async function session(browser: Browser, role: "editor" | "journalist"): Promise<APIRequestContext> {
  return (await browser.newContext({ storageState: authState(role), locale: "en-GB" })).request;
}

const article = (extra: Record<string, unknown>) => ({ headline: "Nutzlast", standfirst: "", sectionId: 1, language: "de", body: { type: "doc", content: [] }, ...extra });

/** The action's arguments as JSON text, written by hand: JSON.stringify itself overflows 10,000 levels down. */
function nestedArticleArgs(depth: number): string {
  const head = JSON.stringify([article({ body: "§" })]).split('"§"');
  const body = `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(depth)}{"type":"text","text":"tief"}${"]}".repeat(depth)}]}`;
  return head.join(body);
}

type Result = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]> };

async function myDrafts(request: APIRequestContext) {
  return (await (await request.get("/desk")).text()).match(/Nutzlast/g)?.length ?? 0;
}

for (const probe of [
  { name: "a 5 MB headline", args: [article({ headline: MB5 })], field: "headline", message: either((m) => m.validation.headlineTooLong) },
  { name: "100,000 tags", args: [article({ tags: Array.from({ length: 100_000 }, (_, i) => `t${i}`) })], field: "tags", message: either((m) => m.validation.tooManyTags) },
  { name: "a body nested 200 deep", raw: nestedArticleArgs(200), field: "body", message: either((m) => m.validation.bodyTooDeep) },
]) {
  test(`createArticleAction with ${probe.name} answers with a validation message at the field`, async ({ browser }) => {
    const journalist = await session(browser, "journalist");
    const before = await myDrafts(journalist);
    const { status, result, response } = probe.raw
      ? await (async () => {
          const r = await journalist.post("/desk", { headers: { "Next-Action": actionId("createArticleAction"), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" }, data: probe.raw, maxRedirects: 0 });
          const text = await r.text();
          const line = text.split("\n").find((l) => /^1:\{/.test(l));
          return { status: r.status(), result: line ? JSON.parse(line.slice(2)) : null, response: r };
        })()
      : await callAction(journalist, "createArticleAction", { args: probe.args });
    const text = await response.text();
    expect(status, text.slice(0, 300)).toBe(200);
    expect(text).not.toMatch(STACK);
    expect(result, text.slice(0, 500)).not.toBeNull();
    expect((result as Result).ok).toBe(false);
    expect((result as Result).fieldErrors?.[probe.field]?.[0]).toMatch(probe.message);
    expect(await myDrafts(journalist)).toBe(before);
  });
}

test("a form action with a 5 MB field answers with a validation message at the field", async ({ browser }) => {
  const editor = await session(browser, "editor");
  const { status, result, response } = await callAction(editor, "createTagAction", { form: { name: MB5 }, path: "/desk/taxonomy" });
  const text = await response.text();
  expect(status, text.slice(0, 300)).toBe(200);
  expect(text).not.toMatch(STACK);
  expect((result as Result).fieldErrors?.name?.[0]).toMatch(either((m) => m.validation.tagNameTooLong));
  expect(await (await editor.get("/desk/taxonomy")).text()).not.toContain("ääääääääää");
});

test("past the transport limit a request gets 413 with a plain message, before the action is read", async ({ browser }) => {
  const journalist = await session(browser, "journalist");
  const huge = await journalist.post("/desk", {
    headers: { "Next-Action": actionId("createArticleAction"), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify([article({ headline: "x".repeat(9 * 1024 * 1024) })]),
    maxRedirects: 0,
  });
  expect(huge.status()).toBe(413);
  const body = (await huge.json()) as Result;
  expect(body).toMatchObject({ ok: false });
  expect(body.message).toMatch(either((m) => m.errors.requestTooLarge.replace("{max}", "8")));
});

test("arguments nested 10,000 deep (which would overflow React's decoder) get 400 with a plain message", async ({ browser }) => {
  const journalist = await session(browser, "journalist");
  const before = await myDrafts(journalist);
  const response = await journalist.post("/desk", {
    headers: { "Next-Action": actionId("createArticleAction"), Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8" },
    data: nestedArticleArgs(10_000),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(400);
  expect(((await response.json()) as Result).message).toMatch(either((m) => m.errors.requestTooDeep));
  expect(await myDrafts(journalist)).toBe(before);
});
