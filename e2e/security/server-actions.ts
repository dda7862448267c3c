// Calls a server action the way a script would — no page, no form, no button: a POST with the
// action's id (read from the production build's manifest) and arguments of our choosing. This
// is how an attacker reaches an action, so this is how the probes test them.
import fs from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";

type ManifestEntry = { filename?: string; exportedName?: string; workers: Record<string, unknown> };

let manifest: Record<string, ManifestEntry> | undefined;
function entries(): Record<string, ManifestEntry> {
  manifest ??= JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")).node;
  return manifest!;
}

/** Every action of the build: id, source file and exported name. */
export function allActions(): { id: string; file: string; name: string }[] {
  return Object.entries(entries())
    .filter(([, e]) => e.filename && e.exportedName)
    .map(([id, e]) => ({ id, file: e.filename!, name: e.exportedName! }));
}

export function actionId(name: string, file?: string): string {
  const found = allActions().filter((a) => a.name === name && (!file || a.file === file));
  if (found.length !== 1) throw new Error(`action ${name} (${file ?? "any file"}): ${found.length} found`);
  return found[0].id;
}

export type ActionCall = { response: APIResponse; status: number; result: unknown };

/**
 * POSTs to `path` (a page, as the browser does) with the action id. `args` go as JSON, or — for
 * actions taking (previousState, formData) — `form` fields go as multipart, encoded the way React
 * encodes a FormData argument ("$K1" in the argument list, its fields named "_1_<name>" — React 19.3).
 */
export async function callAction(
  request: APIRequestContext,
  name: string,
  { args, form, path = "/desk", file }: { args?: unknown[]; form?: Record<string, string>; path?: string; file?: string },
): Promise<ActionCall> {
  const headers = { "Next-Action": actionId(name, file), Accept: "text/x-component" };
  const response = form
    ? await request.post(path, {
        headers,
        multipart: replyForm(form),
        maxRedirects: 0,
      })
    : await request.post(path, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args ?? []), maxRedirects: 0 });
  return { response, status: response.status(), result: actionResult(await response.text()) };
}

/**
 * The fields first, the argument list ("0") last — as React sends it: the server resolves "$K1"
 * from the fields that arrived before "0". (A plain object would put the key "0" first.)
 */
function replyForm(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append("0", JSON.stringify(["$undefined", "$K1"]));
  return form;
}

/** The action's return value from a React Flight response ("0:{…}\n1:{…}"), or null. */
function actionResult(body: string): unknown {
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const value = JSON.parse(m[2]) as Record<string, unknown>;
      if ("ok" in value || "message" in value) return value;
    } catch {
      // not JSON: a different row type
    }
  }
  return null;
}
