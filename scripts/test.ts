// `npm test`: unit + integration tests on PGlite, again on PostgreSQL when DATABASE_URL is
// set, then the Playwright journeys against the production build (on each engine).
// Ends with one "N passed, N failed" line over everything that ran.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStale } from "./build";

type Report = Record<string, unknown>;
const pgUrl = process.env.DATABASE_URL?.trim() || "";
const skipE2e = process.argv.includes("--no-e2e");
// On PostgreSQL, after the full PGlite run, only the engine-dependent journeys (playwright.config.ts).
const e2eFull = process.argv.includes("--e2e-full") || process.env.COPYDESK_E2E_ENGINE_ONLY === "0";
const results: { name: string; passed: number; failed: number; ok: boolean }[] = [];
fs.mkdirSync("test-results", { recursive: true });

function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, report: string, count: (json: Report) => [number, number]) {
  console.log(`\n=== ${name} ===`);
  fs.rmSync(report, { force: true });
  const child = spawnSync(cmd, args, { stdio: "inherit", env });
  let passed = 0;
  let failed = 0;
  try {
    [passed, failed] = count(JSON.parse(fs.readFileSync(report, "utf8")));
  } catch {
    failed = Math.max(failed, 1); // no report: the runner itself failed
  }
  results.push({ name, passed, failed, ok: child.status === 0 });
}

const npx = path.resolve("node_modules/.bin");
const withoutPg = { ...process.env, DATABASE_URL: "" };
const vitestCount = (j: Report): [number, number] => [Number(j.numPassedTests), Number(j.numFailedTests)];
const playwrightCount = (j: Report): [number, number] => {
  const stats = j.stats as Record<string, number>;
  return [stats.expected + stats.flaky, stats.unexpected];
};

run("unit + integration (PGlite)", `${npx}/vitest`, ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-pglite.json"], withoutPg, "test-results/vitest-pglite.json", vitestCount);
if (pgUrl) {
  run("integration (PostgreSQL)", `${npx}/vitest`, ["run", "db", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-postgres.json"], process.env, "test-results/vitest-postgres.json", vitestCount);
}

if (!skipE2e) {
  buildIfStale();
  const e2e = (name: string, env: NodeJS.ProcessEnv, report: string) =>
    run(name, `${npx}/playwright`, ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, report, playwrightCount);
  e2e("e2e (PGlite)", withoutPg, "test-results/e2e-pglite.json");
  if (pgUrl) e2e(e2eFull ? "e2e (PostgreSQL)" : "e2e (PostgreSQL, engine-dependent journeys)", { ...process.env, COPYDESK_E2E_ENGINE_ONLY: e2eFull ? "0" : "1" }, "test-results/e2e-postgres.json");
}

console.log("\n=== summary ===");
for (const r of results) console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && failed === 0 ? 0 : 1);
