// `npm run import -- --from <folder>`: restores a backup into an EMPTY database (a new
// PostgreSQL database, or an embedded one in a fresh data folder). Refuses anything else.
import { parseArgs } from "node:util";
import { closeDb, getHandle } from "@/db/client";
import { importBackup } from "@/db/backup/import";
import { mediaStorage } from "@/db/media/storage";
import { loadDotEnv } from "./env";

loadDotEnv();
const { values } = parseArgs({ options: { from: { type: "string" } } });
if (!values.from) {
  console.error("Usage: npm run import -- --from <folder>");
  process.exit(2);
}
try {
  const handle = await getHandle();
  console.log(`Importing ${values.from} into ${handle.engine === "pglite" ? "the embedded database" : "PostgreSQL"}`);
  const result = await importBackup({ db: handle.db, storage: mediaStorage(), from: values.from, log: (line) => console.log(line) });
  const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
  console.log(`Done: ${rows} rows in ${Object.keys(result.tables).length} tables, ${result.mediaFiles} media files.`);
  if (!result.passwordHashes) {
    console.log(
      "The backup has no password hashes: nobody can sign in yet. Set a password with\n" +
        "  npm run user:password -- --email <address>\n" +
        "(then that admin can reset everyone else's under Users).",
    );
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb().catch(() => undefined);
}
