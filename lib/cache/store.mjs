// The reader page cache's store, shared in one server process by Next's cache handler
// (page-cache-handler.mjs, which Next loads on its own), the expiry of tags from anywhere
// (expire.ts: verbs after commit, the listener for other instances, the scheduled-article
// ticker) and the front cache of scripts/serve.mjs; and whether the database answers. Each lives
// on globalThis under a symbol, because Next's bundles and the plain server script get their
// own copies of this module.
// Plain JavaScript: the handler and scripts/serve.mjs run without a compiler.
import { LRUCache } from "lru-cache";

const STORE = Symbol.for("copydesk.pageCache");

/** Memory for cached reader pages and data in this process (least recently used dropped first). */
export const MAX_PAGE_CACHE_BYTES = Number(process.env.COPYDESK_PAGE_CACHE_MB || 256) * 1024 * 1024;

/**
 * `entries`: cached values by key, in an LRU bounded by their estimated size (`entries.calculatedSize`);
 * `expiredAt`: when each tag was last expired (oldest first); `epoch`: counts expiries (the front
 * cache empties when it moves); `forgottenAt`: when expiries were last forgotten (forgetOldExpiries).
 * @returns {import("./store.d.mts").PageCacheStore}
 */
export function store() {
  const g = /** @type {any} */ (globalThis);
  g[STORE] ??= {
    entries: new LRUCache({ maxSize: MAX_PAGE_CACHE_BYTES, sizeCalculation: (/** @type {{ size: number }} */ entry) => Math.max(1, entry.size) }),
    expiredAt: new Map(),
    epoch: 0,
    forgottenAt: 0,
  };
  return g[STORE];
}

/**
 * How long the expiry of a tag is remembered. Every article ever published or unpublished has
 * tags of its own, so remembering each expiry for the life of the process is a list that only
 * grows. What a remembered expiry is for: an entry written before it is stale, and a render
 * that began before it and finishes within the cache handler's grace (3 s) is not kept. Past
 * this, the entries it would condemn are dropped at once and the expiry is forgotten.
 */
export const REMEMBER_EXPIRY_MS = 60_000;

/** Next's implicit tags for a path (revalidatePath): entries do not list them, the reader passes them on each get. */
const IMPLICIT_TAG = "_N_T_";

const LISTENERS = Symbol.for("copydesk.pageCache.listeners");

/** Who hears of expired tags in this process (shared like the store). @returns {Set<(tags: string[]) => void>} */
function listeners() {
  const g = /** @type {any} */ (globalThis);
  g[LISTENERS] ??= new Set();
  return g[LISTENERS];
}

/** Expires every page and datum tagged with any of `tags`, from now on; then tells the listeners. */
export function expireTags(tags) {
  const s = store();
  const now = Date.now();
  const list = typeof tags === "string" ? [tags] : [...tags];
  for (const tag of list) {
    // Re-inserted, so the map stays in order of expiry (forgetOldExpiries reads it from the front).
    s.expiredAt.delete(tag);
    s.expiredAt.set(tag, now);
  }
  forgetOldExpiries(s, now);
  s.epoch += 1;
  for (const listener of listeners()) {
    try {
      listener(list);
    } catch (error) {
      console.error("[cache] an expiry listener failed:", error);
    }
  }
}

/**
 * Forgets expiries older than REMEMBER_EXPIRY_MS (at most once in that time, so the work is
 * spread thin), after dropping every entry one of them makes stale: an entry carrying the tag and
 * written no later than its expiry — or, for Next's implicit path tags, which entries do not
 * carry, any entry written no later than it. What is left then needs none of the forgotten ones.
 * @param {import("./store.d.mts").PageCacheStore} s
 * @param {number} now
 */
export function forgetOldExpiries(s, now) {
  if (now - (s.forgottenAt ?? 0) < REMEMBER_EXPIRY_MS) return;
  s.forgottenAt = now;
  const before = now - REMEMBER_EXPIRY_MS;
  /** @type {Map<string, number>} */
  const forgotten = new Map();
  let implicitUntil = -Infinity;
  for (const [tag, at] of s.expiredAt) {
    if (at > before) break;
    forgotten.set(tag, at);
    if (tag.startsWith(IMPLICIT_TAG)) implicitUntil = Math.max(implicitUntil, at);
  }
  if (forgotten.size === 0) return;
  /** @type {string[]} */
  const stale = [];
  for (const [key, entry] of s.entries.entries()) {
    if (
      entry.lastModified <= implicitUntil ||
      entry.tags.some((tag) => {
        const at = forgotten.get(tag);
        return at !== undefined && at >= entry.lastModified;
      })
    )
      stale.push(key);
  }
  for (const key of stale) s.entries.delete(key);
  for (const tag of forgotten.keys()) s.expiredAt.delete(tag);
}

/**
 * Calls `listener` with the tags of every expiry in this process from now on (after the caches
 * have dropped them, so whoever asks again gets the new answer). Returns the unsubscribe.
 * @param {(tags: string[]) => void} listener
 * @returns {() => void}
 */
export function onExpire(listener) {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/**
 * Whether the database answered the last time the scheduled-article ticker asked (true until a
 * question fails for want of it): db/reader-cache.ts writes it, and scripts/serve.mjs reads it
 * to tell an outage (503, Retry-After) from a bug (500) when a reader page fails. Shared the same
 * way as the store, for the same reason.
 * @returns {{ reachable: boolean }}
 */
export function reachability() {
  const g = /** @type {any} */ (globalThis);
  g[Symbol.for("copydesk.database")] ??= { reachable: true };
  return g[Symbol.for("copydesk.database")];
}
