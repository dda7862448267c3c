// `npm run media:migrate -- --to postgres|s3|local [--from <backend>]`: copies every media file
// the library knows from the store in use (COPYDESK_MEDIA_STORAGE, or --from) to another, each
// one read back and checked by SHA-256. Safe to stop and run again. See README "Running at scale".
import { parseArgs } from "node:util";
import { closeDb, getHandle } from "@/db/client";
import { migrateMedia } from "@/db/media/migrate";
import { configuredMediaBackend, MEDIA_BACKENDS, mediaStorageOf } from "@/db/media/storage";
import type { MediaBackend } from "@/lib/media/storage";
import { loadDotEnv } from "./env";

loadDotEnv();
const usage = `Usage: npm run media:migrate -- --to ${MEDIA_BACKENDS.join("|")} [--from ${MEDIA_BACKENDS.join("|")}]`;
const { values } = parseArgs({ options: { to: { type: "string" }, from: { type: "string" } } });
const backend = (value: string | undefined, what: string): MediaBackend => {
  if (!value || !(MEDIA_BACKENDS as readonly string[]).includes(value)) {
    console.error(value ? `--${what} ${value} is not one of ${MEDIA_BACKENDS.join(", ")}.\n${usage}` : usage);
    process.exit(2);
  }
  return value as MediaBackend;
};
try {
  const to = backend(values.to, "to");
  const from = values.from ? backend(values.from, "from") : configuredMediaBackend();
  if (from === to) {
    console.error(`The media are in ${from} already (COPYDESK_MEDIA_STORAGE or --from): nothing to copy.\n${usage}`);
    process.exit(2);
  }
  const handle = await getHandle();
  console.log(`Copying media from ${from} to ${to} (${handle.engine === "pglite" ? "embedded database" : "PostgreSQL"})…`);
  const started = Date.now();
  const report = await migrateMedia({ db: handle.db, from: mediaStorageOf(from), to: mediaStorageOf(to), log: (line) => console.log(line) });
  console.log(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${report.files} files, ${report.copied} copied (${(report.bytes / 1_048_576).toFixed(1)} MB), ` +
      `${report.skipped} already there and identical, ${report.missing.length} missing in ${from}, ${report.failed.length} failed.`,
  );
  if (report.failed.length) {
    console.error("Some files were not copied (see above). Run the same command again: files already copied are skipped.");
    process.exitCode = 1;
  } else {
    console.log(`Every file is in ${to}. Set COPYDESK_MEDIA_STORAGE=${to} on every instance, restart them, then run this once more with --from ${from} to copy what was uploaded meanwhile.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb().catch(() => undefined);
}
