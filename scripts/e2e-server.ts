// The e2e web server: a fresh database every run (a new ./data/e2e folder, or an emptied
// PostgreSQL schema), seeded with the demo newsroom, then `npm start` without the build.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { dataDir, usesEmbeddedDb } from "./env";

if (usesEmbeddedDb()) {
  fs.rmSync(dataDir(), { recursive: true, force: true });
} else {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  await client.end();
  process.env.AUTH_SECRET ||= crypto.randomBytes(33).toString("base64");
}
process.env.COPYDESK_SEED_DEMO = "1";
process.argv.push("--no-build");
await import("./start");
