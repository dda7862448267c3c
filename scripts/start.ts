// `npm start`: build if the sources changed, migrate, seed the demo newsroom into a fresh
// embedded database, then serve. `--dev` serves with `next dev`; `--no-build` skips the build.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getHandle } from "@/db/client";
import { countUsers } from "@/db/users/queries";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureAuthSecret, loadDotEnv, usesEmbeddedDb } from "./env";
import { buildIfStale } from "./build";
import { seedDemo } from "./seed-demo";

loadDotEnv();
const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false }, port: { type: "string" } },
});
const port = flags.port ?? process.env.PORT ?? "3000";
const nextBin = path.resolve("node_modules/next/dist/bin/next");

const authSecret = ensureAuthSecret();

if (!flags.dev && !flags["no-build"]) buildIfStale();

// Migrate (and seed a fresh embedded database), then release it for the server process.
const handle = await getHandle();
let seeded = false;
// The demo newsroom goes only into a new embedded database (or wherever the e2e server asks for it).
const seedWanted = usesEmbeddedDb() || process.env.COPYDESK_SEED_DEMO === "1";
if (seedWanted && (await countUsers()) === 0) {
  console.log("Seeding the demo newsroom…");
  await seedDemo();
  seeded = true;
}
const hasDemoUsers = seedWanted;
await closeDb();

const url = `http://localhost:${port}`;
console.log(`\nCopydesk is starting on ${url} (${handle.engine === "pglite" ? "embedded database in ./data" : "PostgreSQL"})`);
if (hasDemoUsers) {
  console.log(`${seeded ? "Demo newsroom created. " : ""}Sign in at ${url}/signin with password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
}
console.log("");

// Production: scripts/serve.mjs (Next's handler behind the reader front cache). Run node
// directly (not through npx) in our process group: a signal to us, or to
// the group (Ctrl+C, Playwright's webServer), reaches next-server too — none is orphaned.
const child = spawn(process.execPath, flags.dev ? [nextBin, "dev", "-p", port] : [path.resolve("scripts/serve.mjs"), "-p", port], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" },
});
const stop = (signal: NodeJS.Signals) => {
  if (child.exitCode === null) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("exit", () => stop("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
