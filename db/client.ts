import "server-only";
// Picks the database driver. No DATABASE_URL → embedded PGlite in ./data (one process per
// data folder, guarded by a pid lock); postgres://… → a node-postgres pool. Same schema,
// same migrations, applied on first use.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { queryCountingLogger } from "./query-count";

export type Schema = typeof schema;
/** A database or a transaction: verbs and queries accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

type Handle = { db: Db; engine: "pglite" | "postgres"; close: () => Promise<void> };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function dataDir(): string {
  // Runtime data, not source: keep the bundler from tracing the whole project through it.
  return path.resolve(/*turbopackIgnore: true*/ process.env.COPYDESK_DATA_DIR || "data");
}

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

/**
 * A connection of its own to PostgreSQL, past any pooler: DATABASE_DIRECT_URL when DATABASE_URL
 * points at a transaction pooler (PgBouncer), else DATABASE_URL. LISTEN (db/reader-cache.ts) and
 * the migrations' session lock need a session that stays theirs.
 */
export function directDatabaseUrl(): string | undefined {
  return process.env.DATABASE_DIRECT_URL?.trim() || databaseUrl();
}

/**
 * Whether queries may use named prepared statements (parsed once per connection). Not through
 * a transaction pooler: PgBouncer before 1.21 (Debian 12 has 1.18) hands each transaction to any
 * server connection, where the statement does not exist. DATABASE_PREPARED_STATEMENTS=off|on
 * says so; unset, a DATABASE_DIRECT_URL other than DATABASE_URL means a pooler is in between.
 */
export function namedStatementsAllowed(): boolean {
  const setting = process.env.DATABASE_PREPARED_STATEMENTS?.trim().toLowerCase();
  if (setting) return !["off", "false", "0", "no"].includes(setting);
  const direct = process.env.DATABASE_DIRECT_URL?.trim();
  return !direct || direct === databaseUrl();
}

/** `name` for a prepared statement where they are allowed, else "" (an unnamed statement). */
export function statementName(name: string): string {
  return namedStatementsAllowed() ? name : "";
}

// Survives Next's module re-evaluation in dev, so there is only ever one PGlite per process.
const globalForDb = globalThis as unknown as { __copydeskDb?: Promise<Handle> };

export function getDb(): Promise<Db> {
  return getHandle().then((h) => h.db);
}

export function getHandle(): Promise<Handle> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    // Build workers must never open the embedded database: several of them at once lose writes.
    throw new Error("Copydesk: the database was touched during `next build`. Make that page dynamic.");
  }
  globalForDb.__copydeskDb ??= open().catch((error) => {
    globalForDb.__copydeskDb = undefined;
    throw error;
  });
  return globalForDb.__copydeskDb;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.__copydeskDb;
  globalForDb.__copydeskDb = undefined;
  if (handle) await (await handle).close();
}

async function open(): Promise<Handle> {
  const url = databaseUrl();
  return url ? openPostgres(url) : openPglite(path.join(dataDir(), "pglite"));
}

/**
 * Settings for the app's PostgreSQL sessions (the startup `options` of each pooled connection).
 * Every query Copydesk sends is an index lookup or a short list, yet on a big archive some cost
 * estimates are large (a page number deep in the desk list: OFFSET over a million rows), and
 * PostgreSQL then spent more on preparing to run them fast than on running them: page 400 of the
 * desk list on a million articles took 851 ms with JIT compilation (134 ms of it) and two
 * parallel workers, 117 ms without JIT, 19 ms without either (their start-up is paid per query,
 * on a machine whose cores the app needs too). So: jit=off, no parallel workers per query.
 * A pooler may drop startup options (PgBouncer's ignore_startup_parameters): there, set them
 * for the database (README › Through a connection pooler).
 */
export const POSTGRES_SESSION_OPTIONS = "-c jit=off -c max_parallel_workers_per_gather=0";

async function openPostgres(url: string): Promise<Handle> {
  const { Client, Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE || 10), options: POSTGRES_SESSION_OPTIONS });
  pool.on("error", (error) => console.error("[copydesk] idle PostgreSQL client error:", error.message));
  const db = drizzle({ client: pool, schema, logger: queryCountingLogger() });
  // Several app instances may start at once: one migrates, the others wait for it. The lock is
  // a session's, so this runs on a direct connection (a pooler could move the session).
  const client = new Client({ connectionString: directDatabaseUrl() ?? url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(724113)");
    await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query("select pg_advisory_unlock(724113)").catch(() => undefined);
    await client.end().catch(() => undefined);
  }
  return { db: db as unknown as Db, engine: "postgres", close: () => pool.end() };
}

async function openPglite(folder: string): Promise<Handle> {
  fs.mkdirSync(folder, { recursive: true }); // PGlite does not create its folder
  const releaseLock = acquireLock(folder);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    // The extensions the migrations create (PostgreSQL has them installed; PGlite bundles them).
    const client = await PGlite.create(folder, { extensions: { pg_trgm } });
    const db = drizzle({ client, schema, logger: queryCountingLogger() });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db: db as unknown as Db,
      engine: "pglite",
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite has no locking of its own: a second process on the same folder silently loses
 * writes. A pid file makes the second one fail fast with a message that says what to do.
 */
function acquireLock(folder: string): () => void {
  const lockFile = path.join(path.dirname(folder), "pglite.pid");
  for (let attempt = 0; ; attempt++) {
    try {
      // "wx": create only if absent, atomically — two processes cannot both win.
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const holder = readPid(lockFile);
      if (holder === process.pid) break;
      if (holder && isAlive(holder)) {
        throw new Error(
          `The embedded database in ${folder} is in use by another process (pid ${holder}). ` +
            "Stop the Copydesk server before running scripts against the embedded database, " +
            "or set DATABASE_URL to use PostgreSQL, which many processes can share.",
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  const release = () => {
    if (readPid(lockFile) === process.pid) fs.rmSync(lockFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A cheap health check for the error page and the start script. */
export async function ping(): Promise<boolean> {
  try {
    await (await getDb()).execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
