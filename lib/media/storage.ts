// Where media bytes live, behind one small interface. Three backends: a local folder (the
// embedded default), PostgreSQL (db/media/blob-storage.ts: every instance on one database sees
// every file) and S3-compatible object storage (lib/media/s3-storage.ts). Which one the app
// uses is chosen by COPYDESK_MEDIA_STORAGE (db/media/storage.ts).
// Keys are made by the server (`2026/11/<uuid>/w960.webp`), never from a filename, and every
// key is checked against that shape before it reaches any backend.
import crypto from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";

/**
 * A stored file. Its bytes are read only when asked for: `stream()` hands them over in chunks
 * (the media route passes them on without holding the file), `bytes()` reads them whole.
 * Each object is read at most once, by one of the two.
 */
export type StoredObject = {
  contentType: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
  bytes(): Promise<Uint8Array>;
};

export type MediaBackend = "local" | "postgres" | "s3";

export interface MediaStorage {
  /** Which backend this is, for logs and the migration's report. */
  readonly backend: MediaBackend;
  /** Stores the file whole or not at all: a reader never sees half of it. Replaces an existing one. */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The object, or null when there is none (or the key is not one of ours). */
  get(key: string): Promise<StoredObject | null>;
  /** Removes the object; a missing one is not an error. */
  delete(key: string): Promise<void>;
}

/** The image types Copydesk stores, by the file extension its keys end in. */
export const CONTENT_TYPES = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
  gif: "image/gif",
} as const;
export type MediaExtension = keyof typeof CONTENT_TYPES;

// year/month/uuid/name.ext — nothing else is a key (no dots, slashes or percent signs to play with).
const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(original|w\d{1,5})\.(jpg|png|webp|avif|gif)$/;

export function isMediaKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** A fresh folder-like prefix for one upload: its original and variants sit under it. */
export function newMediaPrefix(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, "0");
  return `${now.getUTCFullYear()}/${month}/${crypto.randomUUID()}`;
}

/** The upload's uuid, which names it at the edge (`r:media:<uuid>`): the key's third segment. */
export function mediaUploadId(key: string): string | null {
  return isMediaKey(key) ? key.split("/")[2] : null;
}

export function contentTypeOf(key: string): string | null {
  if (!isMediaKey(key)) return null;
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1) as MediaExtension];
}

/** Refuses a key that is not ours, or a content type its extension does not name. */
export function assertStorable(key: string, contentType: string): void {
  if (!isMediaKey(key)) throw new Error(`Not a media key: ${JSON.stringify(key)}`);
  if (contentTypeOf(key) !== contentType) throw new Error(`Key ${key} does not match content type ${contentType}`);
}

/** A stored object's bytes whole, or null when there is none: for callers that need them all (sharp, backups). */
export async function readMedia(storage: MediaStorage, key: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
  const object = await storage.get(key);
  return object ? { bytes: await object.bytes(), contentType: object.contentType } : null;
}

/** SHA-256 (hex) of a stream, read chunk by chunk. */
export async function sha256Of(stream: ReadableStream<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash("sha256");
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}

/** `${COPYDESK_DATA_DIR || "data"}/media`, the same rule as db/client.ts's dataDir(). */
export function mediaRoot(): string {
  return path.join(path.resolve(/*turbopackIgnore: true*/ process.env.COPYDESK_DATA_DIR || "data"), "media");
}

/**
 * Files under a root folder. The content type is not stored separately: it follows from the
 * key's extension, so this store can only ever serve the five image types.
 */
export function localStorage(root: string = mediaRoot()): MediaStorage {
  const fileFor = (key: string): string | null => {
    if (!isMediaKey(key)) return null;
    const file = path.resolve(/*turbopackIgnore: true*/ root, ...key.split("/"));
    // Belt and braces: the pattern already rules out "..", but never leave the root.
    return file.startsWith(path.resolve(/*turbopackIgnore: true*/ root) + path.sep) ? file : null;
  };
  return {
    backend: "local",
    async put(key, bytes, contentType) {
      assertStorable(key, contentType);
      const file = fileFor(key)!;
      await fsp.mkdir(path.dirname(file), { recursive: true });
      // Write aside, then rename: a reader never sees half a file.
      const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.part`;
      await fsp.writeFile(temp, bytes, { flag: "wx" });
      await fsp.rename(temp, file);
    },
    async get(key) {
      const file = fileFor(key);
      const contentType = contentTypeOf(key);
      if (!file || !contentType) return null;
      let size: number;
      try {
        const stat = await fsp.stat(/*turbopackIgnore: true*/ file);
        if (!stat.isFile()) return null;
        size = stat.size;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
      return {
        contentType,
        size,
        stream: () => Readable.toWeb(fs.createReadStream(/*turbopackIgnore: true*/ file)) as ReadableStream<Uint8Array>,
        bytes: async () => new Uint8Array(await fsp.readFile(/*turbopackIgnore: true*/ file)),
      };
    },
    async delete(key) {
      const file = fileFor(key);
      if (!file) return;
      await fsp.rm(file, { force: true });
      // Tidy the upload's folder once it is empty; a non-empty one stays.
      await fsp.rmdir(path.dirname(file)).catch(() => undefined);
    },
  };
}
