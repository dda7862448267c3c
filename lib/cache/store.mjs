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

/** Expires every page and datum tagged with any of `tags`, from now on. */
export function expireTags(tags) {
  const s = store();
  const now = Date.now();
  for (const tag of typeof tags === "string" ? [tags] : tags) s.expiredAt.set(tag, now);
  s.epoch += 1;
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
