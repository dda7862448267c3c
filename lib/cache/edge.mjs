// What a shared cache in front of Copydesk (Varnish, Fastly, Cloudflare) needs on each reader
// response: the cache tags it answers to, and how long it may be kept when it is purged by tag.
//
// The tags are the ones the app's own cache already uses (lib/cache/tags.ts). Which of them a
// response depends on is learnt while it is made: every cached page or datum Next reads through
// lib/cache/page-cache-handler.mjs is noted in the request's scope, which scripts/serve.mjs
// opens around each request. Only reader tags ("r:…") leave the server: Next's own implicit
// tags name routes, not content. A tag names a published address or a list; a draft never has
// one (its address has no tag until someone asks for it, and then it is the address they typed).
//
// Plain JavaScript: the cache handler and scripts/serve.mjs run without a compiler.
import { AsyncLocalStorage } from "node:async_hooks";

const SCOPE = Symbol.for("copydesk.edgeTags");

/** One scope per process, shared by Next's bundles and the server script (see store.mjs). */
function scopes() {
  const g = /** @type {any} */ (globalThis);
  g[SCOPE] ??= new AsyncLocalStorage();
  return g[SCOPE];
}

/**
 * Runs `fn` (one request) with a fresh scope: the tags `noteTags` fills, and whether this
 * request itself read or wrote its route's cache entry (`noteRouteEntry`).
 */
export function withTagScope(fn) {
  return scopes().run({ tags: new Set(), route: false }, fn);
}

/** The reader tags noted so far in this request's scope. */
export function scopeTags() {
  return scopes().getStore()?.tags ?? new Set();
}

/**
 * Whether this request read or wrote the cache entry of the page or route it answers. When not,
 * Next answered it with another request's render (it makes one render of an address at a time
 * and hands the result to every request waiting for it): the tags were noted in that request's
 * scope, not here, so this response's tags are unknown.
 */
export function scopeSawRoute() {
  return scopes().getStore()?.route ?? false;
}

/** Notes reader tags a response being made depends on (outside a scope: nothing). */
export function noteTags(tags) {
  const scope = scopes().getStore();
  if (!scope || !tags) return;
  for (const tag of tags) if (typeof tag === "string" && tag.startsWith("r:")) scope.tags.add(tag);
}

/** Notes that this request read or wrote its page's or route's own cache entry (see scopeSawRoute). */
export function noteRouteEntry() {
  const scope = scopes().getStore();
  if (scope) scope.route = true;
}

/**
 * A tag as it travels in headers and purge requests: printable ASCII without spaces or commas
 * (the separators of Surrogate-Key and Cache-Tag), so anything else is percent-encoded. The
 * same function names tags in responses and in purges, so they always match; applied twice it
 * changes nothing (a tag already in a header passes through unchanged).
 */
export function edgeTag(tag) {
  return tag.replace(/[^\x21-\x7e]|,/gu, (c) => encodeURIComponent(c));
}

/** Response headers naming `tags`: Surrogate-Key (Fastly, Varnish xkey) and Cache-Tag (Cloudflare). */
export function edgeTagHeaders(tags) {
  const list = [...new Set([...tags].map(edgeTag))].sort();
  return { "surrogate-key": list.join(" "), "cache-tag": list.join(",") };
}

/** Whether a shared cache that Copydesk purges sits in front (any purge target configured). */
export function edgeConfigured(env = process.env) {
  return Boolean(env.COPYDESK_PURGE_VARNISH?.trim() || env.COPYDESK_PURGE_FASTLY_SERVICE?.trim() || env.COPYDESK_PURGE_CLOUDFLARE_ZONE?.trim());
}

const DAY = 86_400;

/**
 * Cache-Control for a tagged reader response when an edge is purged by tag: browsers revalidate
 * (max-age as the app set it, usually 0), the edge keeps it long (every change purges it; the
 * TTL is only a safety net), serves it stale for a minute while it fetches anew after the TTL,
 * and for a day if the app is down. Without a purged edge the app's own Cache-Control stands:
 * a shared cache nobody purges must not keep a taken-down article for a day.
 */
export function edgeCacheControl(original, env = process.env) {
  const sMaxAge = Number(env.COPYDESK_EDGE_TTL_SECONDS || DAY);
  const maxAge = /(?:^|[,\s])max-age=(\d+)/.exec(String(original ?? ""))?.[1] ?? "0";
  return `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=60, stale-if-error=${DAY}`;
}

/** Statuses of reader responses a tag can expire: pages, redirects, not-found and gone. */
export const EDGE_STATUSES = new Set([200, 301, 308, 404, 410]);
