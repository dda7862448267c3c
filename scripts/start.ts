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
  console.log("Two-factor sign-in is not required in the demo (an admin can require it under Users).");
}
console.log("");

// Production: scripts/serve.mjs (Next's handler behind the reader front cache). Run node
// directly (not through npx) in our process group: a signal to us, or to
// the group (Ctrl+C, Playwright's webServer), reaches next-server too — none is orphaned.
// Development: scripts/dev-server.mjs (Next's dev server plus the co-editing WebSocket path).
// The journeys' data factory (app/api/test-factory) opens only with a token that the e2e server
// (scripts/e2e-server.ts, in this process) passes on; from any other start it is dropped, so a
// token leaked into a real server's environment opens nothing.
const { COPYDESK_TEST_FACTORY_TOKEN: factoryToken, ...serverEnv } = process.env;
const e2eServer = (globalThis as { __copydeskE2eServer?: boolean }).__copydeskE2eServer === true;
if (factoryToken && !e2eServer) console.warn("COPYDESK_TEST_FACTORY_TOKEN is ignored: the test data factory exists only on the e2e server.");
const child = spawn(process.execPath, [path.resolve(flags.dev ? "scripts/dev-server.mjs" : "scripts/serve.mjs"), "-p", port], {
  stdio: "inherit",
  env: {
    ...serverEnv,
    ...(e2eServer && factoryToken ? { COPYDESK_TEST_FACTORY_TOKEN: factoryToken } : {}),
    PORT: port,
    AUTH_SECRET: authSecret,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
  },
});
const stop = (signal: NodeJS.Signals) => {
  if (child.exitCode === null) child.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("exit", () => stop("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
