// A migrated, empty PGlite data folder as a tarball, made once per set of migrations: each test
// file starts its in-memory database from it instead of running initdb and every migration
// again (initdb alone takes seconds per file on a busy 2-core machine). Written by the global
// setup (db/testing/global-setup.ts), read by db/testing/index.ts; the name carries a hash of
// the migrations, so a changed migration makes a new template.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const MIGRATIONS = "db/migrations";

function migrationsHash(): string {
  const hash = crypto.createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(fs.readFileSync(file));
    }
  };
  walk(MIGRATIONS);
  return hash.digest("hex").slice(0, 16);
}

export function templatePath(): string {
  return path.resolve("node_modules/.cache/copydesk", `pglite-test-template-${migrationsHash()}.tar`);
}

/** Makes the template unless it exists (atomically: a half-written file is never read). */
export async function ensureTemplate(): Promise<void> {
  const file = templatePath();
  if (fs.existsSync(file)) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create({ extensions: { pg_trgm } }); // the migrations create it
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
    const dump = await client.dumpDataDir("none");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await client.close();
  }
}

/** The template as PGlite's `loadDataDir` takes it, or null when there is none (then migrate as before). */
export function readTemplate(): Blob | null {
  try {
    return new Blob([fs.readFileSync(templatePath())]);
  } catch {
    return null;
  }
}
