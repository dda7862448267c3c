import "server-only";
// The backup folder:
//   manifest.json          what is inside, the schema version it needs, row counts — written last
//   tables/<table>.jsonl   one JSON object per row (PostgreSQL's to_jsonb: full timestamp precision)
//   media/<storage key>    the media files, under the same keys the storage uses
import path from "node:path";
import type { MigrationState } from "./catalog";

export const BACKUP_FORMAT = "copydesk-backup";
export const BACKUP_FORMAT_VERSION = 1;

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  engine: "pglite" | "postgres" | "unknown";
  migrations: MigrationState;
  /** false: users.password_hash was left out; imported accounts cannot sign in until a password is set. */
  passwordHashes: boolean;
  tables: Record<string, number>;
  media: { files: number; bytes: number; missing: string[] };
};

/**
 * Stored in place of a hash for accounts restored without one. It is not a valid argon2 hash,
 * so verifying any password against it fails (lib/passwords.ts treats a malformed hash as a
 * wrong password): the account exists, owns its articles, and cannot sign in until an admin
 * resets its password or `npm run user:password` sets one.
 */
export const NO_PASSWORD_HASH = "!imported-without-password";

/** Columns a backup leaves out unless asked: users' password hashes. */
export const SECRET_COLUMNS: Record<string, string[]> = { users: ["password_hash"] };

export const manifestFile = (folder: string) => path.join(folder, "manifest.json");
export const tableFile = (folder: string, table: string) => path.join(folder, "tables", `${table}.jsonl`);
export const mediaFolder = (folder: string) => path.join(folder, "media");

export class BackupError extends Error {}
