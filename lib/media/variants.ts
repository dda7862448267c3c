// The renditions made once, at upload: WebP at a few widths for srcset, plus the original.
// Orientation from EXIF is applied and all metadata (GPS position, camera serial numbers) is
// dropped from the variants — sharp writes none unless asked to.
import sharp from "sharp";
import { Invalid } from "@/lib/errors";
import type { InspectedImage } from "./inspect";

/** Widths offered to browsers (1200: the Open Graph image size); an image is never enlarged, so a small one gets fewer. */
export const VARIANT_WIDTHS = [480, 960, 1200, 1600] as const;

export type Rendition = { width: number; height: number; bytes: Uint8Array };

/** The widths an image of `width` pixels gets: each standard width, capped at the original's. */
export function variantWidths(width: number): number[] {
  return [...new Set(VARIANT_WIDTHS.map((w) => Math.min(w, width)))];
}

export async function makeVariants(bytes: Uint8Array, image: InspectedImage): Promise<Rendition[]> {
  const animated = image.pages > 1;
  const renditions: Rendition[] = [];
  // One at a time: each already uses all cores, and in parallel the peak memory would add up.
  for (const width of variantWidths(image.width)) {
    const { data, info } = await sharp(bytes, { limitInputPixels: image.maxPixels, animated, failOn: "error" })
      .autoOrient()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 80, effort: 4 })
      .toBuffer({ resolveWithObject: true })
      .catch((error: unknown) => decodeFailure(error, image.maxPixels));
    renditions.push({ width: info.width, height: animated ? (info.pageHeight ?? info.height) : info.height, bytes: data });
  }
  return renditions;
}

/**
 * A header can be whole while the pixels behind it are cut off or corrupt (a truncated upload,
 * a polyglot): only the decode finds out. That is the file's fault, not the server's, so it is
 * refused like any unreadable image instead of surfacing as an internal error.
 */
function decodeFailure(error: unknown, maxPixels: number): never {
  const message = error instanceof Error ? error.message : "";
  if (/pixel limit/i.test(message)) throw new Invalid({}, "validation.mediaTooManyPixels", { max: Math.round(maxPixels / 1_000_000) });
  throw new Invalid({}, "validation.mediaUnreadable");
}
