// `npm start`: build if the sources changed, migrate, seed the demo newsroom into a fresh
// embedded database, then serve. `--dev` serves with `next dev`; `--no-build` skips the build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, getHandle } from "@/db/client";
import { countUsers } from "@/db/users/queries";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureAuthSecret, loadDotEnv, usesEmbeddedDb } from "./env";
import { seedDemo } from "./seed-demo";

loadDotEnv();
const { values: flags } = parseArgs({
  options: { dev: { type: "boolean", default: false }, "no-build": { type: "boolean", default: false }, port: { type: "string" } },
});
const port = flags.port ?? process.env.PORT ?? "3000";
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const distDir = process.env.COPYDESK_DIST_DIR || ".next";

const authSecret = ensureAuthSecret();

if (!flags.dev && !flags["no-build"] && buildIsStale()) {
  console.log("Building Copydesk (first start or changed sources)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Migrate (and seed a fresh embedded database), then release it for the server process.
const handle = await getHandle();
let seeded = false;
if (usesEmbeddedDb() && (await countUsers()) === 0) {
  console.log("Seeding the demo newsroom…");
  await seedDemo();
  seeded = true;
}
const hasDemoUsers = usesEmbeddedDb();
await closeDb();

const url = `http://localhost:${port}`;
console.log(`\nCopydesk is starting on ${url} (${handle.engine === "pglite" ? "embedded database in ./data" : "PostgreSQL"})`);
if (hasDemoUsers) {
  console.log(`${seeded ? "Demo newsroom created. " : ""}Sign in at ${url}/signin with password "${DEMO_PASSWORD}":`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(10)} ${a.email}`);
}
console.log("");

// Run next's binary directly in its own process group, so stopping us stops it (no orphaned next-server).
const child = spawn(process.execPath, [nextBin, flags.dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  detached: true,
  env: { ...process.env, AUTH_SECRET: authSecret, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" },
});
const stop = (signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {}
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("exit", () => stop("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

function buildIsStale(): boolean {
  const stamp = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const roots = ["app", "components", "lib", "db", "proxy.ts", "next.config.js", "package-lock.json", "tsconfig.json"];
  return roots.some((root) => newestMtime(root) > built);
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}
