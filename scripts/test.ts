// `npm test`: unit + integration tests on PGlite, beside them again on PostgreSQL when
// DATABASE_URL is set and the production build, then the Playwright journeys against that build
// (on each engine).
// Ends with one "N passed, N failed" line over everything that ran.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfStaleInBackground } from "./build";
import { PGBOUNCER } from "./pgbouncer";

type Report = Record<string, unknown>;
const pgUrl = process.env.DATABASE_URL?.trim() || "";
const skipE2e = process.argv.includes("--no-e2e");
// With PostgreSQL, the engine-dependent journeys run on it and the others on PGlite (playwright.config.ts).
const e2eFull = process.argv.includes("--e2e-full") || process.env.COPYDESK_E2E_ENGINE_ONLY === "0";
const results: { name: string; passed: number; failed: number; ok: boolean; failures: string[]; flaky: string[] }[] = [];
fs.mkdirSync("test-results", { recursive: true });

type Outcome = { passed: number; failed: number; failures: string[]; flaky: string[] };

/** Runs one test runner; with `logFile` its output goes there instead (for a runner beside another). */
function run(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv, report: string, count: (json: Report) => Outcome, logFile?: string): Promise<void> {
  if (!logFile) console.log(`\n=== ${name} ===`);
  fs.rmSync(report, { force: true });
  const log = logFile ? fs.openSync(logFile, "w") : undefined;
  const child = spawn(cmd, args, { stdio: log === undefined ? "inherit" : ["ignore", log, log], env });
  return new Promise((resolve) => {
    const done = (status: number | null) => {
      if (log !== undefined) fs.closeSync(log);
      let outcome: Outcome = { passed: 0, failed: 0, failures: [], flaky: [] };
      try {
        outcome = count(JSON.parse(fs.readFileSync(report, "utf8")));
      } catch {
        outcome.failed = 1; // no report: the runner itself failed
        outcome.failures = [`${name}: the runner wrote no report (see its output above)`];
      }
      results.push({ name, ...outcome, ok: status === 0 });
      resolve();
    };
    child.on("error", () => done(null));
    child.on("exit", (code) => done(code));
  });
}

const npx = path.resolve("node_modules/.bin");
const withoutPg = { ...process.env, DATABASE_URL: "" };
type VitestFile = { name: string; assertionResults: { fullName: string; status: string }[] };
const vitestCount = (j: Report): Outcome => ({
  passed: Number(j.numPassedTests),
  failed: Number(j.numFailedTests),
  failures: (j.testResults as VitestFile[]).flatMap((file) =>
    file.assertionResults.filter((t) => t.status === "failed").map((t) => `${path.relative(process.cwd(), file.name)} › ${t.fullName}`),
  ),
  flaky: [],
});
type PwSuite = { title: string; file?: string; suites?: PwSuite[]; specs?: { title: string; file: string; line: number; tests: { projectName: string; status: string }[] }[] };
const playwrightCount = (j: Report): Outcome => {
  const stats = j.stats as Record<string, number>;
  const failures: string[] = [];
  const flaky: string[] = [];
  const walk = (suite: PwSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        const label = `[${t.projectName}] ${spec.file}:${spec.line} › ${spec.title}`;
        if (t.status === "unexpected") failures.push(label);
        if (t.status === "flaky") flaky.push(label);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of (j.suites as PwSuite[]) ?? []) walk(suite);
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, failures, flaky };
};

// On a 2-core machine the integration tests on PostgreSQL mostly wait for the database, and the
// production build the journeys need is one process for most of its minute: both run beside the
// PGlite pass. The journeys start as soon as the build is there and the PostgreSQL tests, which
// share its test database, are done: the PGlite pass's last files then run beside the journeys'
// start (two servers seeding, signing in), each leaving a core idle alone. Each pass's output
// is kept and printed once it is done (the PGlite pass's after the journeys' when they overlap).
const built = skipE2e ? Promise.resolve(false) : buildIfStaleInBackground("test-results/build.log");
const color = { FORCE_COLOR: process.stdout.isTTY ? "1" : "0" };
const PGLITE_LOG = "test-results/vitest-pglite.log";
const pglitePass = run(
  "unit + integration (PGlite)",
  `${npx}/vitest`,
  ["run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-pglite.json"],
  { ...withoutPg, ...(skipE2e ? {} : color) },
  "test-results/vitest-pglite.json",
  vitestCount,
  skipE2e ? undefined : PGLITE_LOG,
);
let pgliteDone = false;
void pglitePass.then(() => (pgliteDone = true));
let pglitePrinted = skipE2e; // without journeys it prints as it runs
/** Prints the PGlite pass's output, once. */
const printPglite = () => {
  if (pglitePrinted) return;
  console.log("\n=== unit + integration (PGlite) ===");
  process.stdout.write(fs.readFileSync(PGLITE_LOG, "utf8"));
  pglitePrinted = true;
};
if (pgUrl) {
  await run(
    "integration (PostgreSQL)",
    `${npx}/vitest`,
    ["run", "db", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest-postgres.json"],
    { ...process.env, ...color },
    "test-results/vitest-postgres.json",
    vitestCount,
    "test-results/vitest-postgres.log",
  );
  if (pgliteDone) printPglite();
  console.log("\n=== integration (PostgreSQL), beside the PGlite pass ===");
  process.stdout.write(fs.readFileSync("test-results/vitest-postgres.log", "utf8"));
}

if (!skipE2e) {
  const ok = await built;
  if (pgliteDone) printPglite();
  if (!pglitePrinted) console.log("\n(The PGlite integration tests are finishing beside the journeys; their output follows the journeys'.)");
  if (!ok) {
    results.push({ name: "production build", passed: 0, failed: 1, ok: false, failures: ["next build failed: its output is above; the journeys need it"], flaky: [] });
  } else {
    // One Playwright run for both engines (playwright.config.ts): with PostgreSQL, the journeys
    // whose outcome depends on the engine run on it, through PgBouncer in transaction pooling
    // wherever it is installed (scripts/e2e-server.ts starts it; the more instances of
    // e2e/instances and e2e/edge go through it too) — named statements and LISTEN are what a
    // pooler breaks, and a site past one machine runs behind one. Every other journey runs on
    // PGlite, once; --e2e-full runs every journey on both. COPYDESK_E2E_PGBOUNCER=0 runs the
    // PostgreSQL journeys on the direct connection instead, which the integration tests use.
    const pooled = Boolean(pgUrl) && Boolean(PGBOUNCER) && process.env.COPYDESK_E2E_PGBOUNCER !== "0";
    const name = pgUrl
      ? `e2e (PGlite, and PostgreSQL${pooled ? " through PgBouncer" : ""} for ${e2eFull ? "every journey again" : "the engine-dependent journeys"})`
      : "e2e (PGlite)";
    const env = pgUrl
      ? { ...process.env, COPYDESK_E2E_BOTH: "1", COPYDESK_E2E_ENGINE_ONLY: e2eFull ? "0" : "1", COPYDESK_E2E_PGBOUNCER: pooled ? "1" : "0" }
      : withoutPg;
    const report = "test-results/e2e.json";
    await run(name, `${npx}/playwright`, ["test", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, report, playwrightCount);
  }
}

await pglitePass;
printPglite();

console.log("\n=== summary ===");
for (const r of results) {
  console.log(`${r.ok ? "ok  " : "FAIL"} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.flaky.length ? `, ${r.flaky.length} passed only on retry` : ""}`);
  for (const f of r.failures) console.log(`       failed: ${f}`);
  for (const f of r.flaky) console.log(`       flaky (failed, then passed on retry): ${f}`);
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && failed === 0 ? 0 : 1);
