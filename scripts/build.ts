// Builds the production bundle when the sources are newer than the last build.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db", "messages", "i18n", "public", "proxy.ts", "instrumentation.ts", "next.config.js", "package-lock.json", "tsconfig.json"];

/** `next build` as both builds below run it. */
const NEXT_BUILD = [path.resolve("node_modules/next/dist/bin/next"), "build"];
const buildEnv = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_ENV: "production" });

export function buildIfStale(): void {
  if (!buildIsStale()) return;
  console.log("Building Copydesk (first start or changed sources)…");
  const build = spawnSync(process.execPath, NEXT_BUILD, { stdio: "inherit", env: buildEnv() });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * The same build in the background, its output kept in `logFile` (printed when it fails): `npm test`
 * builds while the PostgreSQL integration tests, which mostly wait for the database, run beside it.
 * Resolves with whether there is a build to serve.
 */
export function buildIfStaleInBackground(logFile: string): Promise<boolean> {
  if (!buildIsStale()) return Promise.resolve(true);
  const log = fs.openSync(logFile, "w");
  const build = spawn(process.execPath, NEXT_BUILD, { stdio: ["ignore", log, log], env: buildEnv() });
  return new Promise((resolve) => {
    build.on("exit", (code) => {
      fs.closeSync(log);
      if (code !== 0) process.stdout.write(`\nThe production build failed:\n${fs.readFileSync(logFile, "utf8")}\n`);
      resolve(code === 0);
    });
  });
}

function buildIsStale(): boolean {
  const stamp = path.join(process.env.COPYDESK_DIST_DIR || ".next", "BUILD_ID");
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return SOURCES.some((root) => newestMtime(root) > built);
}

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}
