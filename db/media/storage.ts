import "server-only";
// The media store this instance uses, chosen by COPYDESK_MEDIA_STORAGE:
//   local     files under COPYDESK_DATA_DIR/media (the default; one machine, or a shared mount)
//   postgres  in the database (db/media/blob-storage.ts): every instance on it sees every file
//   s3        an S3-compatible bucket (lib/media/s3-storage.ts, COPYDESK_MEDIA_S3_*)
// `npm run media:migrate -- --to <backend>` copies existing files from one to another.
import { localStorage, type MediaBackend, type MediaStorage } from "@/lib/media/storage";
import { s3OptionsFromEnv, s3Storage } from "@/lib/media/s3-storage";
import { getDb } from "../client";
import { postgresStorage } from "./blob-storage";

export const MEDIA_BACKENDS: readonly MediaBackend[] = ["local", "postgres", "s3"];

/** The backend the environment names; a misspelt one is an error, not a silent fallback to disk. */
export function configuredMediaBackend(env: Record<string, string | undefined> = process.env): MediaBackend {
  const value = (env.COPYDESK_MEDIA_STORAGE?.trim() || "local").toLowerCase();
  if (!(MEDIA_BACKENDS as readonly string[]).includes(value)) {
    throw new Error(`COPYDESK_MEDIA_STORAGE=${JSON.stringify(env.COPYDESK_MEDIA_STORAGE)} is not one of ${MEDIA_BACKENDS.join(", ")}.`);
  }
  return value as MediaBackend;
}

/** A store of the given kind, configured from the environment. */
export function mediaStorageOf(backend: MediaBackend, env: Record<string, string | undefined> = process.env): MediaStorage {
  switch (backend) {
    case "local":
      return localStorage();
    case "postgres":
      return postgresStorage(getDb);
    case "s3":
      return s3Storage(s3OptionsFromEnv(env));
  }
}

const shared = globalThis as unknown as { __copydeskS3?: { config: string; storage: MediaStorage } };

/**
 * The store the app uses. Made anew per call from the environment (cheap), except the S3 one,
 * kept per process while its settings stay the same: its client holds the connections.
 */
export function mediaStorage(): MediaStorage {
  const backend = configuredMediaBackend();
  if (backend !== "s3") return mediaStorageOf(backend);
  const options = s3OptionsFromEnv();
  const config = JSON.stringify(options);
  if (shared.__copydeskS3?.config !== config) shared.__copydeskS3 = { config, storage: s3Storage(options) };
  return shared.__copydeskS3.storage;
}
