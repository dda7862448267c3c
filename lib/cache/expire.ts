// Expires cached reader pages by tag, from anywhere in the server process: a data verb after
// its commit, the listener for other instances' changes, the ticker for scheduled articles.
// The store is shared with Next's cache handler and the front cache (lib/cache/store.mjs).
import { expireTags, store } from "./store.mjs";

export function expireReaderTags(tags: Iterable<string>): void {
  expireTags(tags);
}

/** How many pages and bytes the cache holds (for the bench and health checks). */
export function readerCacheSize(): { entries: number; bytes: number } {
  const s = store();
  return { entries: s.entries.size, bytes: s.entries.calculatedSize };
}

/** When `tag` was last expired in this process (ms since the epoch), if ever. */
export function tagExpiredAt(tag: string): number | undefined {
  return store().expiredAt.get(tag);
}
