// The reader page cache's store, shared in one server process by Next's cache handler
// (page-cache-handler.mjs, which Next loads on its own), the expiry of tags from anywhere
// (expire.ts: verbs after commit, the listener for other instances, the scheduled-article
// ticker) and the front cache of scripts/serve.mjs; and whether the database answers. Each lives
// on globalThis under a symbol, because Next's bundles and the plain server script get their
// own copies of this module.
// Plain JavaScript: the handler and scripts/serve.mjs run without a compiler.

const STORE = Symbol.for("copydesk.pageCache");

/**
 * `entries`: cached values by key; `expiredAt`: when each tag was last expired; `bytes`: the
 * entries' estimated size; `epoch`: counts expiries (the front cache empties when it moves).
 * @returns {import("./store.d.mts").PageCacheStore}
 */
export function store() {
  const g = /** @type {any} */ (globalThis);
  g[STORE] ??= { entries: new Map(), expiredAt: new Map(), bytes: 0, epoch: 0 };
  return g[STORE];
}

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
  for (const tag of list) s.expiredAt.set(tag, now);
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
