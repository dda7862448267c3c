// One view per reader and article in a window: a reload, a back-and-forth or a script replaying
// the beacon does not raise the count. "A reader" is the client address with the browser's
// User-Agent (people behind one address, on different devices, still count apart). Memory is
// bounded: past `maxEntries`, the oldest are forgotten first (a Map keeps insertion order).
// Per process: with several instances a reader may be counted once on each, as with any
// in-memory limit. Pure, so it is tested without a server.
import crypto from "node:crypto";

export type ViewDedupe = { firstView(reader: string, articleId: number): boolean; size(): number };

export function createViewDedupe({ windowMs = 30 * 60_000, maxEntries = 200_000, now = Date.now } = {}): ViewDedupe {
  const seen = new Map<string, number>();
  return {
    firstView(reader, articleId) {
      const key = `${reader} ${articleId}`;
      const t = now();
      const at = seen.get(key);
      if (at !== undefined && t - at < windowMs) return false;
      seen.delete(key); // re-inserted as the newest
      seen.set(key, t);
      for (const oldest of seen.keys()) {
        if (seen.size <= maxEntries) break;
        seen.delete(oldest);
      }
      return true;
    },
    size: () => seen.size,
  };
}

/** A short, fixed-size key for a reader (the address and User-Agent are not kept as they are). */
export function readerKey(address: string | null, userAgent: string | null): string {
  return crypto.createHash("sha256").update(`${address ?? "?"}\n${userAgent ?? ""}`).digest("base64url").slice(0, 16);
}
