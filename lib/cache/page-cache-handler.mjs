// Next's server cache (cached reader pages and `unstable_cache` data), kept in this process's
// memory and expired by tag.
//
// Why not Next's default file-system cache:
//  - the database is the truth, and it can change while the server is down (a scheduled
//    article falls due, a backup is imported): a cache that outlives the process would serve
//    pages from before. Memory starts empty on every start.
//  - tags are expired from outside a request too — a notification from another instance on the
//    same PostgreSQL, or the ticker that notices a scheduled article falling due. They write to
//    the same store (lib/cache/expire.ts), which lives on globalThis under one symbol.
//
// Plain JavaScript: Next loads this file as it is, without compiling it.
import { noteRouteEntry, noteTags } from "./edge.mjs";
import { expireTags, store } from "./store.mjs";

/**
 * A page whose render began before its data changed can finish after the tag was expired, and
 * would then be stored as if it were new. So an entry written within this window after one of
 * its tags expired is served once but not kept.
 */
const RENDER_GRACE_MS = 3000;

/** The tags an entry answers to: its own (pages carry them in a header) and those Next passes. */
function tagsOf(value, ctx) {
  const tags = [...(ctx?.tags ?? [])];
  const header = value?.headers?.["x-next-cache-tags"];
  if (typeof header === "string" && header) tags.push(...header.split(","));
  return tags;
}

function sizeOf(value) {
  if (!value) return 64;
  let size = 256;
  if (typeof value.html === "string") size += value.html.length * 2;
  if (value.rscData?.byteLength) size += value.rscData.byteLength;
  if (value.body?.byteLength) size += value.body.byteLength;
  if (value.segmentData instanceof Map) for (const part of value.segmentData.values()) size += part?.byteLength ?? 0;
  // `unstable_cache` data: its body is already JSON (no second stringify of a whole article).
  if (value.data) size += typeof value.data.body === "string" ? value.data.body.length * 2 + 128 : JSON.stringify(value.data).length * 2;
  return size;
}

/** Next's kinds of a whole response's entry (a page or a route handler), as opposed to data. */
const ROUTE_KINDS = new Set(["APP_PAGE", "APP_ROUTE", "PAGES"]);

function isExpired(tags, lastModified) {
  const { expiredAt } = store();
  for (const tag of tags) {
    const at = expiredAt.get(tag);
    if (at !== undefined && at >= lastModified) return true;
  }
  return false;
}

export default class PageCacheHandler {
  constructor() {}

  async get(key, ctx) {
    const s = store();
    const entry = s.entries.get(key);
    if (!entry) return null;
    const softTags = ctx?.softTags ?? [];
    if (isExpired(entry.tags, entry.lastModified) || isExpired(softTags, entry.lastModified)) {
      s.entries.delete(key);
      return null;
    }
    noteTags(entry.tags); // the response being made depends on them (edge cache tags)
    if (ROUTE_KINDS.has(entry.value?.kind)) noteRouteEntry();
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    const s = store();
    s.entries.delete(key);
    if (!value) return;
    const now = Date.now();
    const tags = tagsOf(value, ctx);
    noteTags(tags);
    if (ROUTE_KINDS.has(value.kind)) noteRouteEntry();
    if (isExpired(tags, now - RENDER_GRACE_MS)) return;
    // Least recently used dropped past COPYDESK_PAGE_CACHE_MB (lib/cache/store.mjs); an entry
    // larger than all of it is not kept.
    s.entries.set(key, { value, lastModified: now, tags, size: sizeOf(value), cacheControl: ctx?.cacheControl });
  }

  /** From revalidateTag/revalidatePath inside a request. Copydesk expires at once, whatever the profile. */
  async revalidateTag(tags) {
    expireTags(tags);
  }

  resetRequestCache() {}
}
