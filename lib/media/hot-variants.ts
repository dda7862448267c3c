// The most-read renditions kept in memory, so a hot image (the lead picture of the day's big
// story) is not fetched from the database or the bucket on every request that gets past the
// edge. Small (COPYDESK_MEDIA_CACHE_MB, default 64; 0 = off) and only for renditions up to 2 MB.
// Correct across instances: an entry is dropped once its upload's tag (r:media:<uuid>) has
// expired after it was read — deleting an image announces that tag to every instance
// (db/media/delete.ts → NOTIFY), the same way published pages are expired. Dropped the moment
// the tag expires (the store forgets old expiries: lib/cache/store.mjs), and refused when read
// if it was fetched from storage before an expiry still remembered (a read racing the delete).
import { LRUCache } from "lru-cache";
import { tagExpiredAt } from "@/lib/cache/expire";
import { onExpire } from "@/lib/cache/store.mjs";
import { readerTags } from "@/lib/cache/tags";
import { mediaUploadId } from "@/lib/media/storage";

export type HotVariant = { bytes: Uint8Array; contentType: string; readAt: number };

/** Renditions larger than this are streamed every time. */
export const HOT_VARIANT_MAX_BYTES = 2 * 1024 * 1024;

const shared = globalThis as unknown as { __copydeskHotVariants?: LRUCache<string, HotVariant> | null };

function cache(): LRUCache<string, HotVariant> | null {
  if (shared.__copydeskHotVariants === undefined) {
    const mb = Number(process.env.COPYDESK_MEDIA_CACHE_MB ?? 64);
    const lru = mb > 0 ? new LRUCache<string, HotVariant>({ maxSize: mb * 1024 * 1024, sizeCalculation: (v) => Math.max(1, v.bytes.byteLength) }) : null;
    shared.__copydeskHotVariants = lru;
    if (lru) {
      onExpire((tags) => {
        const uploads = new Set(tags.filter((tag) => tag.startsWith(readerTags.media(""))));
        if (uploads.size === 0) return;
        for (const key of [...lru.keys()]) if (uploads.has(readerTags.media(mediaUploadId(key) ?? ""))) lru.delete(key);
      });
    }
  }
  return shared.__copydeskHotVariants;
}

/** The rendition under `key`, if held and its tag has not expired since it was read. */
export function hotVariant(key: string, tag: string): HotVariant | undefined {
  const entry = cache()?.get(key);
  if (!entry) return undefined;
  const expired = tagExpiredAt(tag);
  if (expired !== undefined && expired >= entry.readAt) {
    cache()!.delete(key);
    return undefined;
  }
  return entry;
}

export function keepHotVariant(key: string, variant: HotVariant): void {
  if (variant.bytes.byteLength <= HOT_VARIANT_MAX_BYTES) cache()?.set(key, variant);
}
