// The one registry of route kinds. Every first path segment that is a route of its own — rather
// than a section (/{section}, and an article at /{section}/{slug}) — and what kind of route it is.
// Derived from it: which two-segment addresses are articles (the proxy's 410/308 check), the
// proxy's matcher (Next wants that one written out as a literal: routes.test.ts holds it to
// `articleMatchers()`), and what the front cache in scripts/serve.mjs never stores.
// A new top-level folder in app/ without an entry here fails routes.test.ts.

/** @type {ReadonlyMap<string, "desk" | "api" | "asset" | "media" | "short-link" | "per-request" | "reader">} */
export const ROUTE_KINDS = new Map([
  // Per person: the desk and signing in to it.
  ["desk", "desk"],
  ["signin", "desk"],
  // Data verbs, auth, the view beacon, uploads, co-editing.
  ["api", "api"],
  // Next's own build files: immutable, served from disk.
  ["_next", "asset"],
  // Uploaded images and their renditions (cached by their own immutable headers).
  ["media", "media"],
  // Short links (/a/{id}) redirect to whatever the article's address is now.
  ["a", "short-link"],
  // Answers that depend on the request: search results, the comment form's reply.
  ["search", "per-request"],
  ["comments", "per-request"],
  // Reader pages and feeds beside the sections: cached and purged by tag like them.
  ["p", "reader"],
  ["authors", "reader"],
  ["tags", "reader"],
  ["feeds", "reader"],
  ["sitemaps", "reader"],
  ["impressum", "reader"],
  ["datenschutz", "reader"],
  ["community-standards", "reader"],
  ["external-content", "reader"],
]);

const NEVER_CACHED = new Set(["desk", "api", "asset", "media", "short-link", "per-request"]);

/** The first segment of a path or request URL ("/feeds/rss.xml?x" → "feeds"). */
function firstSegment(url) {
  const path = url.split("?", 1)[0];
  return path.split("/", 2)[1] ?? "";
}

/** True for a two-segment address that is an article's (/{section}/{slug}), not another route's. */
export function isArticlePath(pathname) {
  const parts = pathname.split("/");
  return parts.length === 3 && parts[1] !== "" && parts[2] !== "" && !ROUTE_KINDS.has(parts[1]);
}

/**
 * An article's address and what follows it: "/{section}/{slug}" alone, or a live blog's older
 * page "/{section}/{slug}/p/{n}" (rest "/p/{n}"); null for any other route's address.
 * @param {string} pathname
 * @returns {{ article: string; rest: string } | null}
 */
export function articleAddress(pathname) {
  const page = /^(\/[^/]+\/[^/]+)(\/p\/[1-9]\d{0,5})$/.exec(pathname);
  const article = page ? page[1] : pathname;
  return isArticlePath(article) ? { article, rest: page ? page[2] : "" } : null;
}

/**
 * True for a live blog's poll (/api/live/{id}?since=…, app/api/live): the one API answer that is
 * the same for every reader and changes only when reader tags expire, so the front cache keeps it
 * like a reader page (it would otherwise reach Next a thousand times a second on a busy story).
 */
export function isLivePoll(url) {
  return /^\/api\/live\/\d+(?:\?|$)/.test(url);
}

/**
 * What of a cacheable request's URL decides the answer, for the front cache's key: the path
 * alone (no reader page or feed reads its query: search and the comment form's answer are never
 * cached), and for a live blog's poll its `since`. So `?utm_source=…` or a crawler's `?x=1` finds
 * the page already kept instead of filling the cache with copies of it.
 * @param {string} url
 */
export function frontCacheKeyOf(url) {
  const [pathname, query = ""] = url.split("?", 2);
  if (!isLivePoll(url)) return pathname;
  const since = new URLSearchParams(query).get("since");
  return since === null ? pathname : `${pathname}?since=${since}`;
}

/** True for requests the front cache never stores: per person, per request, or files with their own caching. */
export function neverCached(url) {
  if (isLivePoll(url)) return false;
  return NEVER_CACHED.has(ROUTE_KINDS.get(firstSegment(url)) ?? "reader");
}

/**
 * The proxy matcher's article patterns: /{section}/{slug} for any first segment that is no route
 * of its own, and a live blog's older pages below it (/{section}/{slug}/p/{n}).
 */
export function articleMatchers() {
  const article = `/:section((?!(?:${[...ROUTE_KINDS.keys()].join("|")})/)[^/.]+)/:slug`;
  return [article, `${article}/p/:page`];
}
