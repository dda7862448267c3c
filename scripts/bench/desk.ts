// The desk over HTTP, the way a browser uses it: sign in through Auth.js's credentials
// endpoint, then call the editor's server actions (the same POST the editor's autosave and
// publish button send). This works whichever database the server holds — PGlite admits only
// the server process, so the benchmark cannot call the data verbs itself.
import fs from "node:fs";
import path from "node:path";
import { toSaveInput, type EditorArticle } from "@/lib/editor/article";

type ActionResult = { ok: true; data: Record<string, unknown> } | { ok: false; code: string; message: string };

type Doc = { type: "doc"; content: unknown[] };

/** The action modules the bench calls into: the desk's, and the article page's (live blog). */
const DESK_ACTIONS = ["app/(desk)/desk/actions.ts", "app/(desk)/desk/articles/[id]/actions.ts"];

export class DeskClient {
  private cookies = new Map<string, string>();
  private actionIds = new Map<string, string>();

  constructor(
    private base: string,
    distDir: string,
  ) {
    // Server action ids are made at build time; the build's manifest names them.
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
      node: Record<string, { filename?: string; exportedName?: string }>;
    };
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (DESK_ACTIONS.includes(entry.filename ?? "") && entry.exportedName) this.actionIds.set(entry.exportedName, id);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keepCookies(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrfRes = await fetch(`${this.base}/api/auth/csrf`);
    this.keepCookies(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: this.cookieHeader() },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.base}/desk` }),
    });
    await res.arrayBuffer();
    this.keepCookies(res);
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) {
      throw new Error(`Signing in as ${email} failed (HTTP ${res.status}, ${res.headers.get("location") ?? "no redirect"})`);
    }
  }

  /** A signed-in page view, timed to the last byte. */
  async timedPage(pagePath: string): Promise<number> {
    return (await this.page(pagePath)).ms;
  }

  /** A signed-in page view: its HTML and how long it took to the last byte. */
  async page(pagePath: string): Promise<{ html: string; ms: number }> {
    const t0 = performance.now();
    const res = await fetch(this.base + pagePath, { headers: { Cookie: this.cookieHeader() }, redirect: "manual" });
    const html = await res.text();
    if (res.status !== 200) throw new Error(`${pagePath} answered ${res.status} to the signed-in editor`);
    return { html, ms: performance.now() - t0 };
  }

  /** Calls one of the desk's server actions by name and returns its result. */
  action(name: string, input: unknown, pagePath: string): Promise<ActionResult> {
    return this.post(name, pagePath, JSON.stringify([input]), { "Content-Type": "text/plain;charset=UTF-8" });
  }

  /**
   * Submits one of the desk's forms to its server action as the browser does (useActionState:
   * the previous state, then the form's fields, encoded as React encodes a reply with a
   * FormData in it); returns the action's result.
   */
  formAction(name: string, fields: Record<string, string>, pagePath: string): Promise<ActionResult> {
    const body = new FormData();
    for (const [key, value] of Object.entries(fields)) body.append(`_1_${key}`, value);
    body.set("0", JSON.stringify([null, "$K1"]));
    return this.post(name, pagePath, body, {}); // (fetch sets the multipart Content-Type)
  }

  /** POSTs an action's encoded arguments to the page it belongs to, as Next's client does. */
  private async post(name: string, pagePath: string, body: string | FormData, headers: Record<string, string>): Promise<ActionResult> {
    const id = this.actionIds.get(name);
    if (!id) throw new Error(`No server action ${name} in this build`);
    const res = await fetch(this.base + pagePath, {
      method: "POST",
      headers: { "Next-Action": id, Accept: "text/x-component", Origin: this.base, Cookie: this.cookieHeader(), ...headers },
      body,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
    return resultRow(name, text);
  }

  async load(articleId: number): Promise<EditorArticle> {
    const result = await this.action("loadArticleAction", articleId, `/desk/articles/${articleId}`);
    if (!result.ok) throw new Error(`loadArticleAction: ${result.message}`);
    return result.data as unknown as EditorArticle;
  }

  /** Saves the working copy with `extra` as its last paragraph; returns the new version. */
  async save(article: EditorArticle, version: number, extra: string, autosave: boolean): Promise<number> {
    const doc = article.body as Doc;
    const body = { ...doc, content: [...doc.content, { type: "paragraph", content: [{ type: "text", text: extra }] }] };
    // Exactly the request the editor sends (lib/editor/article.ts).
    const input = { id: article.id, version, autosave, ...toSaveInput(article.fields, body, { slugEdited: false }) };
    // The tools' save route (app/api/articles/[id]); the desk's editor itself writes through co-editing.
    const res = await fetch(`${this.base}/api/articles/${article.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: this.base, Cookie: this.cookieHeader() },
      body: JSON.stringify(input),
    });
    const result = (await res.json()) as ActionResult;
    if (!result.ok) throw new Error(`save: ${result.code} ${result.message}`);
    return Number(result.data.version);
  }

  /** Uploads an image to the library as the desk's upload control does; returns its renditions' addresses, smallest first. */
  async uploadImage(name: string, bytes: Uint8Array, mimeType: string): Promise<string[]> {
    const form = new FormData();
    form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name, { type: mimeType }));
    const res = await fetch(`${this.base}/api/media`, { method: "POST", headers: { Origin: this.base, Cookie: this.cookieHeader() }, body: form });
    const answer = (await res.json()) as { ok: boolean; message?: string; item?: { srcset: string } };
    if (res.status !== 201 || !answer.item) throw new Error(`upload: HTTP ${res.status} ${answer.message ?? ""}`);
    return answer.item.srcset.split(", ").map((entry) => entry.split(" ")[0]);
  }

  async publish(articleId: number, version: number): Promise<number> {
    const result = await this.action("publishArticleAction", { id: articleId, version }, `/desk/articles/${articleId}`);
    if (!result.ok) throw new Error(`publishArticleAction: ${result.code} ${result.message}`);
    return Number(result.data.version);
  }
}

/** The RSC answer is one row per line ("0:{…}", "1:{…}"); the action's value is the row with `ok`. */
function resultRow(name: string, text: string): ActionResult {
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    try {
      const value = JSON.parse(line.slice(colon + 1)) as unknown;
      if (value && typeof value === "object" && "ok" in value) return value as ActionResult;
    } catch {
      // not a JSON row
    }
  }
  throw new Error(`${name}: no result in the answer: ${text.slice(0, 300)}`);
}
