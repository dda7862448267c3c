// `npm run export -- --out <folder> [--with-password-hashes]`: every table and media file to a
// folder. On the embedded database the server must be stopped (the pid lock says so).
import { parseArgs } from "node:util";
import { closeDb, getHandle } from "@/db/client";
import { exportBackup } from "@/db/backup/export";
import { mediaStorage } from "@/db/media/storage";
import { loadDotEnv } from "./env";

loadDotEnv();
const { values } = parseArgs({ options: { out: { type: "string" }, "with-password-hashes": { type: "boolean", default: false } } });
if (!values.out) {
  console.error("Usage: npm run export -- --out <folder> [--with-password-hashes]");
  process.exit(2);
}
try {
  const handle = await getHandle();
  console.log(`Exporting from ${handle.engine === "pglite" ? "the embedded database" : "PostgreSQL"} to ${values.out}`);
  const manifest = await exportBackup({
    db: handle.db,
    storage: mediaStorage(),
    out: values.out,
    withPasswordHashes: values["with-password-hashes"],
    engine: handle.engine,
    log: (line) => console.log(line),
  });
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Done: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.media.files} media files.`);
  if (!manifest.passwordHashes) console.log("Password hashes were left out: after an import, people set a password before signing in (see README, Backup).");
  if (manifest.media.missing.length) console.warn(`Warning: ${manifest.media.missing.length} media files were missing in storage:\n  ${manifest.media.missing.join("\n  ")}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb().catch(() => undefined);
}
