// How large a server action's request may be, and the answer to one that is larger.
//
// Next reads a server action's whole body before the action runs and, past its
// `serverActions.bodySizeLimit`, fails the request with a 500 (its "Body exceeded" error). So
// the limit is set high enough for everything the validators know how to refuse with a field
// message (the largest article body the schema allows, 2,000,000 characters of JSON, is at most
// ~6 MB of UTF-8), and the production server (scripts/serve.mjs) refuses a request that declares
// a larger body (413) before Next reads a byte, with a plain message in the requester's
// language. A body without a declared length (chunked) is left to Next's own limit: Next itself
// forwards an action to the worker that owns it that way, within this same server.
import fs from "node:fs";
import path from "node:path";

export const ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

let catalogues;
function message(req, key) {
  const lang = /^\s*de\b/i.test(String(req.headers["accept-language"] ?? "")) ? "de" : "en";
  try {
    catalogues ??= Object.fromEntries(
      ["de", "en"].map((l) => [l, JSON.parse(fs.readFileSync(path.join(process.cwd(), "messages", `${l}.json`), "utf8")).errors]),
    );
  } catch {
    catalogues = { de: {}, en: {} }; // started outside the project folder: the English words below
  }
  const text = catalogues[lang][key] ?? "The request is too large (at most {max} MB).";
  return String(text).replace("{max}", String(ACTION_BODY_LIMIT_BYTES / 1024 / 1024));
}

/** Answers 413 and returns true for a server-action request whose declared body Next would fail on. */
export function refuseOversizedAction(req, res) {
  if (req.method !== "POST" || !req.headers["next-action"]) return false;
  const length = Number(req.headers["content-length"] ?? NaN);
  if (!Number.isFinite(length) || length <= ACTION_BODY_LIMIT_BYTES) return false;
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ ok: false, code: "too_large", message: message(req, "requestTooLarge") }));
  // Read and drop what the client is still sending (so it hears the answer), up to a bound.
  let drained = 0;
  req.on("data", (chunk) => {
    drained += chunk.length;
    if (drained > 8 * ACTION_BODY_LIMIT_BYTES) req.socket.destroy();
  });
  return true;
}

/**
 * How deep a server action's arguments may nest. React decodes them recursively, and an absurd
 * depth (10,000 levels, a few dozen KB) overflows the stack there — a 500 before any validator
 * runs. No argument a form or the editor sends comes near this (an article body stops at 70).
 */
export const ACTION_MAX_DEPTH = 500;

/** Whether this is an action whose arguments come as one JSON text (not a multipart form). */
export function isJsonAction(req) {
  return req.method === "POST" && Boolean(req.headers["next-action"]) && !String(req.headers["content-type"] ?? "").startsWith("multipart/");
}

/** The deepest nesting of [ and { outside strings in JSON text, stopping once past `max`. */
export function jsonDepth(text, max = ACTION_MAX_DEPTH) {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > deepest && (deepest = depth) > max) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** Answers 400 with a plain message: the arguments nest deeper than any real call. */
export function refuseTooDeep(req, res) {
  res.writeHead(400, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify({ ok: false, code: "too_deep", message: message(req, "requestTooDeep") }));
}
