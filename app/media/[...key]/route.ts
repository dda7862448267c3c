// Public media: the WebP variants of library images, at /media/<key>. Keys are random and
// never change, so a year of caching is safe. Originals are kept in storage (to re-make
// variants later) but not served: they may carry EXIF data such as a GPS position.
// The bytes come from whichever store is configured (db/media/storage.ts): small renditions
// through an in-memory LRU (lib/media/hot-variants.ts), larger ones passed on as they are read.
// Each response names its upload's cache tag, so deleting the image purges it from an edge in
// front and from every instance's memory (db/media/delete.ts).
import { mediaStorage } from "@/db/media/storage";
import { readerTags } from "@/lib/cache/tags";
import { hotVariant, HOT_VARIANT_MAX_BYTES, keepHotVariant } from "@/lib/media/hot-variants";
import { isMediaKey, mediaUploadId } from "@/lib/media/storage";

const PUBLIC_KEY = /\/w\d+\.webp$/;

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!isMediaKey(key) || !PUBLIC_KEY.test(key)) return notFound();
  const tag = readerTags.media(mediaUploadId(key)!);
  const hot = hotVariant(key, tag);
  if (hot) return image(hot.bytes, hot.contentType, hot.bytes.byteLength, tag);
  const readAt = Date.now();
  const object = await mediaStorage().get(key);
  if (!object) return notFound();
  if (object.size > HOT_VARIANT_MAX_BYTES) return image(object.stream(), object.contentType, object.size, tag);
  const bytes = await object.bytes();
  keepHotVariant(key, { bytes, contentType: object.contentType, readAt });
  return image(bytes, object.contentType, bytes.byteLength, tag);
}

function image(body: Uint8Array | ReadableStream<Uint8Array>, contentType: string, size: number, tag: string) {
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(size),
      "Cache-Control": "public, max-age=31536000, immutable",
      "Surrogate-Key": tag,
      "Cache-Tag": tag,
      "X-Content-Type-Options": "nosniff",
    },
  });
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
