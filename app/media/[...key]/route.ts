// Public media: the WebP variants of library images, at /media/<key>. Keys are random and
// never change, so a year of caching is safe. Originals are kept in storage (to re-make
// variants later) but not served: they may carry EXIF data such as a GPS position.
import { isMediaKey, mediaStorage } from "@/lib/media/storage";

const PUBLIC_KEY = /\/w\d+\.webp$/;

export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!isMediaKey(key) || !PUBLIC_KEY.test(key)) return notFound();
  const object = await mediaStorage().get(key);
  if (!object) return notFound();
  return new Response(object.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": object.contentType,
      "Content-Length": String(object.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
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
