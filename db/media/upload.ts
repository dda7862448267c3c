import "server-only";
import { inspectImage } from "@/lib/media/inspect";
import { CONTENT_TYPES, newMediaPrefix, type MediaStorage } from "@/lib/media/storage";
import { mediaStorage } from "./storage";
import { makeVariants } from "@/lib/media/variants";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import type { MediaVariant } from "@/lib/media/urls";
import { media } from "../schema";
import { actorId } from "../articles/load";
import { toMediaItem } from "./queries";
import { UploadMediaInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * Adds an image to the library: checks what it really is, makes the WebP variants once,
 * writes the files, then the row. Files come first so a row never points at nothing; if the
 * row cannot be written, the files are removed again.
 */
export async function uploadMedia({ ctx, input, storage = mediaStorage() }: VerbArgs<UploadMediaInput> & { storage?: MediaStorage }) {
  const data = parseInput(UploadMediaInput, input);
  // Before any decoding: refusing costs nothing, processing costs seconds of CPU.
  assertCan(ctx.viewer, "media.upload");
  const image = await inspectImage(data.bytes);
  const renditions = await makeVariants(data.bytes, image);

  const prefix = newMediaPrefix();
  const storageKey = `${prefix}/original.${image.extension}`;
  const variants: MediaVariant[] = renditions.map((r) => ({
    key: `${prefix}/w${r.width}.webp`,
    width: r.width,
    height: r.height,
    format: "webp",
    bytes: r.bytes.byteLength,
  }));
  const written: string[] = [];
  try {
    // The original is kept as uploaded (for re-processing later); only variants are public.
    await storage.put(storageKey, data.bytes, CONTENT_TYPES[image.extension]);
    written.push(storageKey);
    for (const [i, v] of variants.entries()) {
      await storage.put(v.key, renditions[i].bytes, CONTENT_TYPES.webp);
      written.push(v.key);
    }
    const row = await withTransaction(ctx, async (tx) => {
      const [inserted] = await tx
        .insert(media)
        .values({
          storageKey,
          filename: data.filename,
          mimeType: image.mimeType,
          width: image.width,
          height: image.height,
          bytes: data.bytes.byteLength,
          variants,
          caption: data.caption,
          credit: data.credit,
          alt: data.alt,
          uploadedById: actorId(ctx),
        })
        .returning();
      await audit(tx, ctx, { action: "media.upload", target: "media", id: inserted.id, summary: { filename: data.filename, mimeType: image.mimeType, bytes: data.bytes.byteLength } });
      return inserted;
    });
    return toMediaItem(row);
  } catch (error) {
    await Promise.all(written.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  }
}
