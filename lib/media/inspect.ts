// What an upload really is, decided by its bytes — never by its name or the type the browser
// claims. Only five raster formats pass; SVG (it can carry script), text and everything else
// are refused with a message that says why. Dimensions are read from the header before any
// pixel is decoded, so a small file claiming a huge image (a decompression bomb) is refused
// cheaply; sharp's limitInputPixels guards the decode as well.
import { fileTypeFromBuffer } from "file-type";
import sharp, { type Metadata } from "sharp";
import { Invalid } from "@/lib/errors";
import type { MediaExtension } from "./storage";

export const ACCEPTED_IMAGE_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "image/avif": "avif",
  "image/gif": "gif",
} as const satisfies Record<string, MediaExtension>;
export type AcceptedImageType = keyof typeof ACCEPTED_IMAGE_TYPES;

export const DEFAULT_MAX_MB = 20;
export const DEFAULT_MAX_MEGAPIXELS = 60;

/** COPYDESK_MEDIA_MAX_MB (default 20), read when asked so tests and servers can set it. */
export function maxUploadMb(): number {
  const mb = Number(process.env.COPYDESK_MEDIA_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? mb : DEFAULT_MAX_MB;
}

export function maxUploadBytes(mb = maxUploadMb()): number {
  return Math.floor(mb * 1024 * 1024);
}

export type InspectLimits = { maxBytes?: number; maxPixels?: number };

export type InspectedImage = {
  mimeType: AcceptedImageType;
  extension: MediaExtension;
  /** As displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** Frames, for animated GIF and WebP (1 otherwise). */
  pages: number;
  maxPixels: number;
};

/** The message carries the reason (with its parameters); the form shows it next to the upload. */
function refuse(key: string, params?: Record<string, string | number>): never {
  throw new Invalid({}, key, params);
}

export async function inspectImage(bytes: Uint8Array, limits: InspectLimits = {}): Promise<InspectedImage> {
  const maxBytes = limits.maxBytes ?? maxUploadBytes();
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_MEGAPIXELS * 1_000_000;
  if (bytes.byteLength === 0) refuse("validation.mediaEmpty");
  if (bytes.byteLength > maxBytes) refuse("validation.mediaTooLarge", { max: formatMb(maxBytes) });

  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.mime in ACCEPTED_IMAGE_TYPES)) refuse(...notAnImage(bytes, detected));
  const mimeType = detected!.mime as AcceptedImageType;

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata(); // header only: no decode
  } catch {
    return refuse("validation.mediaUnreadable");
  }
  if (!meta.width || !meta.height) return refuse("validation.mediaUnreadable");
  const pages = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height;
  // Every frame of an animation is decoded too.
  if (meta.width * frameHeight * pages > maxPixels || meta.width * meta.height > maxPixels) {
    refuse("validation.mediaTooManyPixels", { max: Math.round(maxPixels / 1_000_000) });
  }
  const rotated = (meta.orientation ?? 1) >= 5; // EXIF 5–8 turn the picture by 90°
  return {
    mimeType,
    extension: ACCEPTED_IMAGE_TYPES[mimeType],
    width: rotated ? frameHeight : meta.width,
    height: rotated ? meta.width : frameHeight,
    pages,
    maxPixels,
  };
}

function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return String(Number(mb.toFixed(mb < 1 ? 3 : 1))); // 20, 2.5, 0.001
}

type Detected = Awaited<ReturnType<typeof fileTypeFromBuffer>>;

/** The most specific reason a file is not an image we take. */
function notAnImage(bytes: Uint8Array, detected: Detected): [string, Record<string, string>?] {
  const text = detected && detected.mime !== "application/xml" ? null : asText(bytes);
  if (text !== null) {
    const head = text.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, "").trimStart().toLowerCase();
    if (/<svg[\s>/]/.test(head) || (head.startsWith("<?xml") && /<svg[\s>/]/.test(text.toLowerCase()))) return ["validation.mediaSvg"];
    if (head.startsWith("<!doctype html") || head.startsWith("<html")) return ["validation.mediaNotImage", { kind: "validation.mediaKind.html" }];
    if (head.startsWith("<?xml")) return ["validation.mediaNotImage", { kind: "validation.mediaKind.xml" }];
    return ["validation.mediaNotImage", { kind: "validation.mediaKind.text" }];
  }
  if (!detected) return ["validation.mediaNotImage", { kind: "validation.mediaKind.unknown" }];
  // A real image, just not one of ours (TIFF, BMP, HEIC, PSD, …): name the format.
  if (detected.mime.startsWith("image/")) return ["validation.mediaFormat", { format: detected.ext.toUpperCase() }];
  if (detected.mime === "application/pdf") return ["validation.mediaNotImage", { kind: "validation.mediaKind.pdf" }];
  if (/^(audio|video)\//.test(detected.mime)) return ["validation.mediaNotImage", { kind: "validation.mediaKind.audioVideo" }];
  if (/zip|tar|gzip|rar|7z|bzip|xz|zstd|compress/.test(detected.mime)) return ["validation.mediaNotImage", { kind: "validation.mediaKind.archive" }];
  return ["validation.mediaNotImage", { kind: "validation.mediaKind.unknown" }];
}

/** The file as text if it reads as UTF-8 (or UTF-16 with a byte order mark) without control bytes. */
function asText(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, 64 * 1024);
  let encoding: "utf-8" | "utf-16le" | "utf-16be" = "utf-8";
  if (sample[0] === 0xff && sample[1] === 0xfe) encoding = "utf-16le";
  else if (sample[0] === 0xfe && sample[1] === 0xff) encoding = "utf-16be";
  let text: string;
  try {
    // A cut multi-byte character at the sample's end is not a reason to call it binary.
    text = new TextDecoder(encoding, { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text.replace(/^\ufeff/, "");
}

function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  while (end > 0 && end > sample.length - 4 && (sample[end - 1] & 0xc0) === 0x80) end--;
  if (end > 0 && sample[end - 1] >= 0xc0) end--;
  return sample.subarray(0, end);
}
