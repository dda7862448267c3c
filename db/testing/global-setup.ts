// With DATABASE_URL (PostgreSQL), start every test run from an empty, freshly migrated
// schema. Without it each test file opens its own in-memory PGlite instead.
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";

export default async function setup() {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
    await migrate(drizzle({ client }), { migrationsFolder: "db/migrations" });
  } finally {
    await client.end();
  }
}
