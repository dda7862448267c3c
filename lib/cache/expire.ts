// Expires cached reader pages by tag, from anywhere in the server process: a data verb after
// its commit, the listener for other instances' changes, the ticker for scheduled articles.
// It writes to the store that lib/cache/page-cache-handler.mjs (Next's cache handler) reads.

const STORE = Symbol.for("copydesk.pageCache");

// `epoch` counts expiries; the front cache in scripts/serve.mjs empties itself when it moves.
type Store = { entries: Map<string, unknown>; expiredAt: Map<string, number>; bytes: number; epoch: number };

function store(): Store {
  const g = globalThis as unknown as Record<symbol, Store | undefined>;
  g[STORE] ??= { entries: new Map(), expiredAt: new Map(), bytes: 0, epoch: 0 };
  return g[STORE];
}

export function expireReaderTags(tags: Iterable<string>): void {
  const s = store();
  const now = Date.now();
  for (const tag of tags) s.expiredAt.set(tag, now);
  s.epoch = (s.epoch ?? 0) + 1;
}

/** How many pages and bytes the cache holds (for the bench and health checks). */
export function readerCacheSize(): { entries: number; bytes: number } {
  const s = store();
  return { entries: s.entries.size, bytes: s.bytes };
}

/** When `tag` was last expired in this process (ms since the epoch), if ever. */
export function tagExpiredAt(tag: string): number | undefined {
  return store().expiredAt.get(tag);
}
