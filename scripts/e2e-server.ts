// The e2e web server: a fresh database every run (a new ./data/e2e folder, or an emptied
// PostgreSQL schema), seeded with the demo newsroom, then `npm start` without the build.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { copyTemplate, makeTemplate, TEMPLATE_ENV } from "./e2e-template";
import { dataDir, usesEmbeddedDb } from "./env";

if (usesEmbeddedDb()) {
  fs.rmSync(dataDir(), { recursive: true, force: true });
  // The shared e2e server (COPYDESK_E2E_MAKE_TEMPLATE=1) seeds this run's newsroom once
  // (scripts/e2e-template.ts); it and every server with a newsroom of its own start from a copy.
  // Without a template: migrate and seed, as `npm start` does.
  const template = process.env[TEMPLATE_ENV]?.trim();
  if (template && process.env.COPYDESK_E2E_MAKE_TEMPLATE === "1") await makeTemplate(template);
  copyTemplate(dataDir());
} else {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  await client.end();
  process.env.AUTH_SECRET ||= crypto.randomBytes(33).toString("base64");
}
// Through PgBouncer (COPYDESK_E2E_PGBOUNCER=1: npm test on PostgreSQL): the server reaches PostgreSQL through PgBouncer in transaction mode (its
// LISTEN and migrations over DATABASE_DIRECT_URL), as a site past one machine would.
if (process.env.COPYDESK_E2E_PGBOUNCER === "1" && process.env.DATABASE_URL) {
  const { startPgbouncer } = await import("./pgbouncer");
  const port = Number(process.argv[process.argv.indexOf("--port") + 1] || 3100) + 30;
  const pooled = await startPgbouncer(port, process.env.DATABASE_URL);
  process.env.DATABASE_DIRECT_URL = process.env.DATABASE_URL;
  process.env.DATABASE_URL = pooled.url;
  console.log(`Through PgBouncer (transaction pooling) at ${pooled.url}`);
}
process.env.COPYDESK_SEED_DEMO = "1";
// Only this start passes the journeys' data-factory token on to the server (scripts/start.ts).
(globalThis as { __copydeskE2eServer?: boolean }).__copydeskE2eServer = true;
process.argv.push("--no-build");
await import("./start");
