// Where media bytes live, behind one small interface: a local folder now, object storage
// later (several app instances need a shared store — see ARCHITECTURE "Scale-out").
// Keys are made by the server (`2026/11/<uuid>/w960.webp`), never from a filename, and every
// key is checked against that shape before it touches the file system.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export type StoredObject = { bytes: Uint8Array; contentType: string };

export interface MediaStorage {
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

export function contentTypeOf(key: string): string | null {
  if (!isMediaKey(key)) return null;
  return CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1) as MediaExtension];
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
    async put(key, bytes, contentType) {
      const file = fileFor(key);
      if (!file) throw new Error(`Not a media key: ${JSON.stringify(key)}`);
      if (contentTypeOf(key) !== contentType) throw new Error(`Key ${key} does not match content type ${contentType}`);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write aside, then rename: a reader never sees half a file.
      const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.part`;
      await fs.writeFile(temp, bytes, { flag: "wx" });
      await fs.rename(temp, file);
    },
    async get(key) {
      const file = fileFor(key);
      const contentType = contentTypeOf(key);
      if (!file || !contentType) return null;
      try {
        return { bytes: await fs.readFile(file), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const file = fileFor(key);
      if (!file) return;
      await fs.rm(file, { force: true });
      // Tidy the upload's folder once it is empty; a non-empty one stays.
      await fs.rmdir(path.dirname(file)).catch(() => undefined);
    },
  };
}

/** The store the app uses. One place to swap in object storage. */
export function mediaStorage(): MediaStorage {
  return localStorage();
}
