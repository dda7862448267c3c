import "server-only";
// Copies every media file the library knows (originals and renditions) from one store to
// another: `npm run media:migrate -- --to postgres|s3|local` (scripts/media-migrate.ts).
// Resumable: a file already in the target with the same SHA-256 is left alone, so a run that
// was stopped starts again where it was. Each file written is read back and its SHA-256
// compared with the source's. The source is only read: instances keep serving from it until
// they are switched over, and a second run afterwards picks up what was uploaded meanwhile.
import crypto from "node:crypto";
import { asc } from "drizzle-orm";
import { contentTypeOf, sha256Of, type MediaStorage } from "@/lib/media/storage";
import type { Db } from "../client";
import { media } from "../schema";

export type MigrationReport = { files: number; copied: number; skipped: number; bytes: number; missing: string[]; failed: { key: string; reason: string }[] };

/** Every key the library names, oldest upload first (so a resumed run redoes the least). */
export async function libraryKeys(db: Db): Promise<string[]> {
  const rows = await db.select({ storageKey: media.storageKey, variants: media.variants }).from(media).orderBy(asc(media.id));
  return rows.flatMap((row) => [row.storageKey, ...row.variants.map((v) => v.key)]);
}

export async function migrateMedia(opts: { db: Db; from: MediaStorage; to: MediaStorage; log?: (line: string) => void }): Promise<MigrationReport> {
  const { db, from, to } = opts;
  const log = opts.log ?? (() => undefined);
  const keys = await libraryKeys(db);
  const report: MigrationReport = { files: keys.length, copied: 0, skipped: 0, bytes: 0, missing: [], failed: [] };
  for (const [index, key] of keys.entries()) {
    try {
      const source = await from.get(key);
      if (!source) {
        report.missing.push(key);
        log(`  missing in ${from.backend}: ${key}`);
        continue;
      }
      const bytes = await source.bytes();
      const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
      const existing = await to.get(key);
      if (existing && (await sha256Of(existing.stream())).sha256 === sha256) {
        report.skipped += 1;
      } else {
        await to.put(key, bytes, contentTypeOf(key)!);
        const written = await to.get(key);
        const check = written ? await sha256Of(written.stream()) : null;
        if (!check || check.sha256 !== sha256 || check.size !== bytes.byteLength) {
          throw new Error(check ? `read back ${check.size} bytes with SHA-256 ${check.sha256}, expected ${bytes.byteLength} bytes with ${sha256}` : "not there after writing it");
        }
        report.copied += 1;
        report.bytes += bytes.byteLength;
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({ key, reason });
      log(`  failed: ${key}: ${reason}`);
    }
    if ((index + 1) % 100 === 0) log(`  ${index + 1} of ${keys.length} files…`);
  }
  return report;
}
