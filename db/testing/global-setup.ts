// With DATABASE_URL (PostgreSQL), start every test run from an empty, freshly migrated
// schema. Without it each test file opens its own in-memory PGlite instead, loaded from a
// migrated template made here once (db/testing/pglite-template.ts).
// Both vitest projects (vitest.config.ts) name this file; it prepares the schema once a run
// (their global setups share this process).
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { ensureTemplate } from "./pglite-template";

const run = globalThis as typeof globalThis & { copydeskTestSchema?: Promise<void> };

async function prepare(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await migrate(drizzle({ client }), { migrationsFolder: "db/migrations" });
  } finally {
    await client.end();
  }
}

export default async function setup() {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    run.copydeskTestSchema ??= ensureTemplate();
    await run.copydeskTestSchema;
    return;
  }
  run.copydeskTestSchema ??= prepare(url);
  await run.copydeskTestSchema;
}
