// Test database for integration tests: PGlite in memory by default, PostgreSQL when
// DATABASE_URL is set. Each test runs in a transaction that is rolled back.
import { afterAll } from "vitest";
import type { Db } from "../client";
import * as schema from "../schema";
import { readTemplate } from "./pglite-template";
import { SYSTEM_VIEWER, type Ctx } from "../context";
import { createSection } from "../sections/create";
import { createUser } from "../users/create";
import type { Viewer } from "@/lib/permissions";

export const engine = process.env.DATABASE_URL?.trim() ? "postgres" : "pglite";

let opened: Promise<{ db: Db; close: () => Promise<void> }> | undefined;

async function open() {
  const url = process.env.DATABASE_URL?.trim();
  if (url) {
    const { Pool } = await import("pg");
    const { drizzle } = await import("drizzle-orm/node-postgres");
    const pool = new Pool({ connectionString: url, max: 3 });
    pool.on("connect", watchForOverlap);
    return { db: drizzle({ client: pool, schema }) as unknown as Db, close: () => pool.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  // From the migrated template the global setup made; migrating here stays the fallback (a
  // single file run without the global setup, say), and is a no-op on the template.
  const template = readTemplate();
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const client = await PGlite.create({ extensions: { pg_trgm }, ...(template ? { loadDataDir: template } : {}) });
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: "db/migrations" });
  return { db: db as unknown as Db, close: () => client.close() };
}

export function testDb(): Promise<Db> {
  opened ??= open();
  return opened.then((o) => o.db);
}

/**
 * Queries sent on one connection while another was still running on it. A transaction is one
 * connection: node-postgres queues such a query (and warns that pg@9 will refuse it), so the data
 * layer sends a transaction's queries one after another (db/context.ts readTogether). The test
 * during which one is sent fails (inRollback), naming it.
 */
const overlapping: string[] = [];

function watchForOverlap(client: import("pg").PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let running = 0;
  const done = () => void running--;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string } | undefined;
    if (running > 0) overlapping.push(String(typeof first === "string" ? first : first?.text).slice(0, 200));
    const result = query(...args);
    if (result instanceof Promise) {
      running++;
      result.then(done, done);
    }
    return result;
  };
}

// Registered while the test file imports this module, so it runs once per file. In the
// shared-db project (vitest.config.ts) the module, and with it the database, lives on for the
// worker's next files; the worker's end closes it.
afterAll(async () => {
  if (process.env.COPYDESK_TEST_DB_SHARED === "1") return;
  if (opened) await (await opened).close();
});

class Rollback extends Error {}

/** Runs `fn` in a transaction that is always rolled back, so tests never see each other's rows. */
export async function inRollback(fn: (tx: Db) => Promise<void>): Promise<void> {
  const db = await testDb();
  const overlapsBefore = overlapping.length;
  try {
    await db.transaction(async (tx) => {
      await fn(tx as unknown as Db);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const overlaps = overlapping.slice(overlapsBefore);
  if (overlaps.length) throw new Error(`Sent on the transaction's connection while another query ran there:\n${overlaps.join("\n")}`);
}

let counter = 0;

/** A newsroom of one admin, one editor and two journalists, plus two sections. */
export async function newsroom(tx: Db) {
  const tag = `${process.pid}-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const system: Ctx = { viewer: SYSTEM_VIEWER, tx };
  const person = async (role: Viewer["role"], name: string): Promise<Viewer> => {
    const u = await createUser({
      ctx: system,
      input: { email: `${role}-${name.split(" ")[0].toLowerCase()}-${tag}@copydesk.test`, name: `${name} ${tag}`, role, password: "correct horse battery" },
    });
    return { id: u.id, role: u.role, name: u.name };
  };
  const politik = await createSection({ ctx: system, input: { name: `Politik ${tag}` } });
  const kultur = await createSection({ ctx: system, input: { name: `Kultur ${tag}` } });
  return {
    tag,
    sections: { politik, kultur },
    admin: await person("admin", "Ada Admin"),
    editor: await person("editor", "Eda Editor"),
    journalist: await person("journalist", "Lena Kämpfer"),
    otherJournalist: await person("journalist", "Otto Other"),
    ctx: (viewer: Viewer | null): Ctx => ({ viewer, tx }),
  };
}

export function doc(...paragraphs: string[]) {
  return { type: "doc", content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}
