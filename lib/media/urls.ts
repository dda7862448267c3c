// Public addresses of stored media, and the image a component shows. Pure and client-safe:
// components import these (never db/).
/** One stored rendition of an uploaded image (the `variants` column of the media table). */
export type MediaVariant = { width: number; height: number; format: "webp" | "jpeg" | "png" | "gif" | "avif"; key: string; bytes: number };

/** What the desk's components get for one library image. */
export type MediaItem = {
  id: number;
  /** A sensible default rendition (about 960 pixels wide). */
  src: string;
  /** Every WebP rendition, for `<img srcset>`. */
  srcset: string;
  /** The image as displayed (after EXIF rotation). */
  width: number;
  height: number;
  filename: string;
  caption: string;
  credit: string;
  alt: string;
};

export const MEDIA_PATH_PREFIX = "/media/";

/** `/media/2026/11/<uuid>/w960.webp` — each segment encoded, though our keys never need it. */
export function mediaUrl(key: string): string {
  return MEDIA_PATH_PREFIX + key.split("/").map(encodeURIComponent).join("/");
}

/** `"/media/…/w480.webp 480w, /media/…/w960.webp 960w"`, narrowest first. */
export function srcsetFor(variants: readonly MediaVariant[]): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${mediaUrl(v.key)} ${v.width}w`)
    .join(", ");
}

/** The narrowest rendition at least `width` wide, else the widest there is ("" when none). */
export function pickSrc(variants: readonly MediaVariant[], width: number): string {
  if (!variants.length) return "";
  const sorted = [...variants].sort((a, b) => a.width - b.width);
  return mediaUrl((sorted.find((v) => v.width >= width) ?? sorted[sorted.length - 1]).key);
}

/** A default rendition (about `width` wide) and the whole srcset, for an <img>. */
export function imageSources(variants: readonly MediaVariant[], width = 960): { src: string; srcset: string } {
  return { src: pickSrc(variants, width), srcset: srcsetFor(variants) };
}

/**
 * The rendition in a srcset closest to `width` (the narrowest at least that wide, else the
 * widest), with its width: the Open Graph image (1200 px) of a published lead image.
 */
export function renditionFromSrcset(srcset: string, width: number): { url: string; width: number } | null {
  const entries = srcset
    .split(",")
    .map((part) => /^\s*(\S+)\s+(\d+)w\s*$/.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ url: m[1], width: Number(m[2]) }))
    .sort((a, b) => a.width - b.width);
  return entries.find((e) => e.width >= width) ?? entries[entries.length - 1] ?? null;
}
