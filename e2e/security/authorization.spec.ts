// The HTTP side of the authorization probe (the data-layer side is db/security/authorization.test.ts):
// desk pages, the media API and every server action, called directly — no UI — without a
// session, and the privileged ones with a journalist's session and other people's ids.
// Each is refused, nothing is written, and no call ends in a 500.
// "Nothing is written" is read off the whole desk (every account, medium, tag and section), so
// this runs on a server with a newsroom of its own (e2e/own-server.ts): journeys running beside
// it on the shared server add to those all the time.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, Factory, factoryContext, test } from "../fixtures";
import { messages } from "../i18n";
import { startOwnServer } from "../own-server";
import { ACCOUNTS, DEMO_PASSWORD, signedInWithPassword, type Role } from "../pages/SignInPage";
import { portsOf } from "../ports";
import { allActions, callAction } from "./server-actions";

const [port] = portsOf("wholeDesk");
const origin = `http://localhost:${port}`;
let stop: () => Promise<void> = async () => {};
const signedIn = new Map<Role, Awaited<ReturnType<APIRequestContext["storageState"]>>>();
const contexts: { dispose(): Promise<void> }[] = [];

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  stop = await startOwnServer("whole-desk", port);
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    const { context } = await signedInWithPassword(browser, ACCOUNTS[role], DEMO_PASSWORD, { baseURL: origin, timeout: 30_000 });
    signedIn.set(role, await context.storageState());
    await context.close();
  }
});

test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.dispose()));
});

test.afterAll(async () => stop());

/** An anonymous caller of this journey's server. */
async function anonymous(): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL: origin });
  contexts.push(request);
  return request;
}

/** What a refusal says, in either language: "only editors may …", "sign in first" and the like. */
const REFUSALS = new Set(
  ["forbidden", "publishEditorsOnly", "scheduleEditorsOnly", "unpublishEditorsOnly", "requestChangesEditorsOnly", "manageUsersAdminsOnly", "taxonomyEditorsOnly", "moderateCommentsEditorsOnly"].flatMap(
    (key) => [messages.en.errors[key as keyof typeof messages.en.errors], messages.de.errors[key as keyof typeof messages.de.errors]],
  ),
);

const DESK_PAGES = [
  "/desk",
  "/desk/articles/new",
  "/desk/articles/1",
  "/desk/articles/1/history",
  "/desk/articles/1/preview",
  "/desk/media",
  "/desk/comments",
  "/desk/taxonomy",
  "/desk/users",
  "/desk/profile",
  "/desk/notifications",
  "/desk/audit",
  "/desk/audit/export",
];

// 1×1 transparent PNG.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A caller signed in as `role` on this journey's server. */
async function session(role: Role): Promise<APIRequestContext> {
  const request = await playwrightRequest.newContext({ baseURL: origin, storageState: signedIn.get(role) });
  contexts.push(request);
  return request;
}

/** What a refused call must not have changed: the library, the accounts, the sections and tags. */
async function observable(admin: APIRequestContext) {
  const media = (await (await admin.get("/api/media")).json()) as { total: number };
  const users = await (await admin.get("/desk/users")).text();
  const taxonomy = await (await admin.get("/desk/taxonomy")).text();
  const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
  return {
    media: media.total,
    accounts: count(users, /@copydesk\.test/g),
    tagsAndSections: count(taxonomy, /<li/g),
    xssUser: count(users, /probe-/g),
  };
}

test("an anonymous caller is refused by every desk page and by the media API", async () => {
  const request = await anonymous();
  for (const path of DESK_PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(/^\/signin\?callbackUrl=/);
  }
  const admin = await session("admin");
  const before = await observable(admin);

  const list = await request.get("/api/media");
  expect(list.status()).toBe(401);
  expect(await list.json()).toMatchObject({ ok: false, code: "unauthenticated" });
  const upload = await request.post("/api/media", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: PNG }, caption: "anonym" } });
  expect(upload.status()).toBe(401);

  expect(await observable(admin)).toEqual(before);
});

test("every server action called without a session executes nothing", async () => {
  const request = await anonymous();
  const admin = await session("admin");
  const before = await observable(admin);
  const actions = allActions();
  expect(actions.length).toBeGreaterThan(20);
  const problems: string[] = [];
  for (const action of actions) {
    // Straight to a reader page (outside the desk's proxy), the sign-in page and the desk: JSON arguments and a form.
    for (const path of ["/", "/signin", "/desk"]) {
      for (const call of [{ args: [{ id: 1, version: 1, name: "x", ids: [1] }] }, { form: { id: "1", name: "probe-anon", email: "probe-anon@copydesk.test", role: "admin", ids: "1", action: "approve" } }]) {
        const { status, result } = await callAction(request, action.name, { ...call, path, file: action.file });
        if (status >= 500) problems.push(`${action.name} at ${path}: HTTP ${status}`);
        const ok = (result as { ok?: boolean } | null)?.ok;
        if (ok === true) problems.push(`${action.name} at ${path}: executed for an anonymous caller`);
      }
    }
  }
  expect(problems).toEqual([]);
  expect(await observable(admin)).toEqual(before);
  console.info(`[authz-http] ${actions.length} server actions × 3 paths × 2 encodings called anonymously: none executed`);
});

test("a journalist calling editor and admin actions directly, with other people's ids, is refused", async () => {
  const journalist = await session("journalist");
  const admin = await session("admin");
  const before = await observable(admin);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16); // a time the schedule accepts
  const refusals: [string, Parameters<typeof callAction>[2]][] = [
    ["publishArticleAction", { args: [{ id: 1, version: 1 }] }],
    ["scheduleArticleAction", { args: [{ id: 1, version: 1, at: tomorrow }] }],
    ["unpublishArticleAction", { args: [{ id: 1, version: 1 }] }],
    ["requestChangesAction", { args: [{ id: 1, version: 1, note: "Bitte" }] }],
    ["createUserAction", { form: { name: "probe-journalist", email: "probe-journalist@copydesk.test", role: "admin" } }],
    ["changeRoleAction", { form: { id: "1", role: "journalist" } }],
    ["setActiveAction", { form: { id: "1", active: "false" } }],
    ["resetPasswordAction", { form: { id: "1" } }],
    ["moderateCommentsAction", { form: { ids: "1", action: "spam" } }],
    ["setCommentsOpenAction", { form: { articleId: "1", open: "false" } }],
    ["createTagAction", { form: { name: "Probe" } }],
    ["createSectionAction", { form: { name: "Probe" } }],
    ["renameSectionAction", { form: { id: "1", name: "Probe" } }],
    ["moveSectionAction", { form: { id: "1", direction: "down" } }],
  ];
  const problems: string[] = [];
  for (const [name, call] of refusals) {
    const { status, result } = await callAction(journalist, name, call);
    const r = result as { ok?: boolean; code?: string; message?: string } | null;
    if (status >= 500) problems.push(`${name}: HTTP ${status}`);
    else if (!r) problems.push(`${name}: no action result (HTTP ${status})`);
    else if (r.ok !== false || !REFUSALS.has(r.message ?? "")) problems.push(`${name}: not refused as forbidden: ${JSON.stringify(r)}`);
    else if (r.code && r.code !== "forbidden") problems.push(`${name}: refused as ${r.code}, expected forbidden`);
  }
  expect(problems).toEqual([]);
  expect(await observable(admin)).toEqual(before);

  // And the media API: a journalist may upload (that is their job), an anonymous one never could.
  const list = await journalist.get("/api/media");
  expect(list.status()).toBe(200);
});

test("a journalist not named for a live blog cannot end it, staff it, publish, pin, or change or delete others' entries", async ({ browser }) => {
  const api = await factoryContext(playwrightRequest, origin);
  contexts.push(api);
  const factory = new Factory(api);
  const runId = Date.now().toString(36);
  const article = await factory.published({ headline: `Liveticker Probe ${runId}`, paragraphs: ["Lage."] });
  const [draft, published] = await factory.liveBlog(article.id, [
    { author: "admin", title: `Entwurf von Ada ${runId}`, paragraphs: ["Noch nicht freigegeben."] },
    { author: "editor", title: `Meldung ${runId}`, paragraphs: ["Deich hält."], published: true },
  ]);
  const journalist = await session("journalist");
  const body = JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Übernommen." }] }] });
  // The refusal in the journalist's own language, whichever it is.
  const said = (key: "liveManageEditorsOnly" | "livePublishNotAllowed" | "liveEditOwnOnly") => [messages.en.errors[key], messages.de.errors[key]];
  const e = { liveManageEditorsOnly: said("liveManageEditorsOnly"), livePublishNotAllowed: said("livePublishNotAllowed"), liveEditOwnOnly: said("liveEditOwnOnly") };
  const probes: [string, Record<string, string>, string[]][] = [
    ["setLiveBlogAction", { articleId: String(article.id), state: "ended" }, e.liveManageEditorsOnly],
    ["setLivePublishersAction", { articleId: String(article.id), userIds: "1" }, e.liveManageEditorsOnly],
    ["publishLiveEntryAction", { id: String(draft.id), version: String(draft.version) }, e.livePublishNotAllowed],
    ["updateLiveEntryAction", { id: String(draft.id), version: String(draft.version), title: "Übernommen", body }, e.liveEditOwnOnly],
    ["deleteLiveEntryAction", { id: String(draft.id), reason: "weg" }, e.liveEditOwnOnly],
    ["setLiveEntryFlagsAction", { id: String(published.id), flag: "pinned", value: "true" }, e.livePublishNotAllowed],
    ["deleteLiveEntryAction", { id: String(published.id), reason: "weg" }, e.livePublishNotAllowed],
  ];
  const problems: string[] = [];
  for (const [name, form, expected] of probes) {
    const { status, result } = await callAction(journalist, name, { form });
    const r = result as { ok?: boolean; code?: string; message?: string } | null;
    if (status >= 500) problems.push(`${name}: HTTP ${status}`);
    else if (r?.ok !== false || r.code !== "forbidden" || !expected.includes(r.message ?? "")) problems.push(`${name}: ${JSON.stringify(r)}, expected forbidden: ${expected[0]}`);
  }
  expect(problems).toEqual([]);

  // Nothing changed: readers see the blog running with its one entry, unpinned; the draft is still
  // at the version it was written in (the editor publishes exactly that version now).
  const reader = await browser.newContext({ baseURL: origin });
  const live = (await (await reader.request.get(`/api/live/${article.id}?since=0`)).json()) as { state: string; entries: { id: number; pinned: boolean }[] };
  expect(live.state).toBe("live");
  expect(live.entries.map((entry) => [entry.id, entry.pinned])).toEqual([[published.id, false]]);
  const editor = await session("editor");
  const publish = await callAction(editor, "publishLiveEntryAction", { form: { id: String(draft.id), version: String(draft.version) } });
  expect(publish.result).toMatchObject({ ok: true });
  await reader.close();
});
