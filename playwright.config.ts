import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices, type Project } from "@playwright/test";
import type { EngineOptions } from "./e2e/fixtures";
import { e2eDataDir, type Engine } from "./e2e/paths";
import { overlappingPorts, PORT_OFFSETS } from "./e2e/ports";

// Debian's Chromium where it exists (this project's CI machines cannot download browsers);
// elsewhere Playwright's own browser from `npx playwright install chromium`. Its headless shell
// first (Debian's chromium-headless-shell, which .ci/run installs): what Playwright itself runs
// headless, and on the reader journeys it took a third less CPU than the full browser in
// headless mode (194 s against 294 s for 34 journeys, server included), on a 2-core machine
// where CPU is what the journeys wait for. The full browser is the fallback.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && fs.existsSync(p)),
);

// What the run was started with, kept aside: each worker's environment then takes its engine's
// database and ports (e2e/fixtures.ts), and the workers load this file too.
process.env.COPYDESK_E2E_RUN_PORT ||= process.env.E2E_PORT || "3100";
process.env.COPYDESK_E2E_RUN_DATABASE_URL ??= process.env.DATABASE_URL?.trim() || "";
process.env.COPYDESK_E2E_RUN_PGBOUNCER ??= process.env.COPYDESK_E2E_PGBOUNCER === "1" ? "1" : "0";
const port = Number(process.env.COPYDESK_E2E_RUN_PORT);
// Journeys side by side each start servers of their own on ports beside this one (e2e/ports.ts).
const clashes = overlappingPorts();
if (clashes.length) throw new Error(`e2e/ports.ts gives these offsets from E2E_PORT to two servers: ${clashes.join(", ")}`);
const pgUrl = process.env.COPYDESK_E2E_RUN_DATABASE_URL;
// The engines of this run. Without DATABASE_URL, PGlite; with it, PostgreSQL; with it and
// COPYDESK_E2E_BOTH=1 (how `npm test` runs them), both in this one run: two test servers, 100
// ports apart, and each project names its engine (e2e/fixtures.ts gives each worker its
// project's database and ports). One run, not one after the other: the two workers take whatever
// journey is next, whichever engine it is on, so neither run's slow start and last lone journey
// leave a core idle (two runs one after the other took 762 s; one run ~700 s).
const engines: Engine[] = !pgUrl ? ["pglite"] : process.env.COPYDESK_E2E_BOTH === "1" ? ["pglite", "postgres"] : ["postgres"];
const both = engines.length === 2;
const portOf = (engine: Engine) => port + (both && engine === "postgres" ? 100 : 0);
// On PGlite the test server seeds the run's newsroom once and every server with a newsroom of its
// own (e2e/own-server.ts, the fault checks) copies it (scripts/e2e-template.ts). Workers and
// the servers they start inherit the folder's name from here.
if (engines.includes("pglite")) process.env.COPYDESK_E2E_TEMPLATE ||= path.resolve("data/e2e-template");
// Through PgBouncer in transaction pooling (scripts/e2e-server.ts starts it): set by `npm test`
// wherever pgbouncer is installed.
const pooled = process.env.COPYDESK_E2E_RUN_PGBOUNCER;
/** What a worker of `engine`'s projects has in its environment (e2e/fixtures.ts applies it). */
const engineEnv = (engine: Engine): Record<string, string> => ({
  DATABASE_URL: engine === "postgres" ? pgUrl : "",
  E2E_PORT: String(portOf(engine)),
  COPYDESK_E2E_PGBOUNCER: engine === "postgres" ? pooled : "0",
});
// `npm test` runs each journey once. Those whose outcome depends on the engine or the pooler —
// the workflow (publish, schedule, conflicts, caches kept fresh), sessions and the sign-in
// throttle, authorization, two instances, the edge — run on PostgreSQL through PgBouncer in
// transaction pooling (scripts/test.ts), the production engine, when there is one; every other
// journey runs on PGlite. Without PostgreSQL, all of them run on PGlite. The reader and editor
// journeys read and write through the same queries, which the integration tests run on both
// engines; so do the verbs behind the other ways of signing in (two-factor, passkeys, single
// sign-on, password sign-in off, a required factor) and user admin, whose journeys check the
// browser's side of them, which no engine changes. The embedded engine's own risks (a kill -9
// mid-write, a schedule falling due while the server is down) have fault checks on PGlite.
// `npm test -- --e2e-full` (COPYDESK_E2E_ENGINE_ONLY=0) runs every journey on both engines.
const engineOnly = Boolean(pgUrl) && process.env.COPYDESK_E2E_ENGINE_ONLY === "1";
const ENGINE_JOURNEYS = /workflow\/.*\.spec\.ts|auth\/(sessions|desk-access)\.spec\.ts|security\/authorization\.spec\.ts/;
// Fault checks start servers of their own and take minutes: only when COPYDESK_FAULT_TESTS=1 (CI
// sets it). Each runs on the engine where it tells most: kill -9 during publish and a schedule
// passing while the server is down on the embedded database (its files are the server's own);
// kill -9 among co-editors likewise; the database going away and the mixed load (concurrent saves, where PostgreSQL's locks
// deadlocked) on PostgreSQL. COPYDESK_FAULT_TESTS=all runs every check on whichever engine.
const EMBEDDED_FAULTS = /faults\/(kill-publish|kill-collab|scheduled-while-down)\.spec\.ts/;
const SERVER_FAULTS = /faults\/(db-down|mixed-load)\.spec\.ts/;
const faultsFlag = process.env.COPYDESK_FAULT_TESTS;
const withFaults = faultsFlag === "1" || faultsFlag === "all";
// With both engines, the PostgreSQL projects' names say so; alone, each engine's are the plain ones.
const named = (engine: Engine, name: string) => (both && engine === "postgres" ? `pg-${name}` : name);
const hasVarnish = ["/usr/sbin/varnishd", "/usr/local/sbin/varnishd"].some((p) => fs.existsSync(p));
const desktop = devices["Desktop Chrome"];

/** One engine's projects. The ones whose files run one at a time (the fault checks, the edge, the instances) come first: see `projects` below. */
function projectsOf(engine: Engine): Project<EngineOptions>[] {
  const setup = named(engine, "setup");
  const use = { baseURL: `http://localhost:${portOf(engine)}`, engineEnv: engineEnv(engine) };
  const onPostgres = engine === "postgres";
  const projects: Project<EngineOptions>[] = [{ name: setup, testMatch: /auth\.setup\.ts/, use }];
  if (withFaults) {
    projects.push({
      name: named(engine, "faults"),
      testMatch: /faults\/.*\.spec\.ts/,
      workers: 1,
      // They need no signed-in browser; the dependency puts them in the same phase as the
      // browser journeys (Playwright starts a project that depends on others only after every
      // project of the phase before has finished: without it, the journeys waited for them all).
      dependencies: [setup],
      // The database outage needs a database outside the server: PostgreSQL only, always.
      testIgnore: onPostgres ? (faultsFlag === "all" ? [] : [EMBEDDED_FAULTS]) : faultsFlag === "all" ? [/faults\/db-down\.spec\.ts/] : [SERVER_FAULTS],
      use,
    });
  }
  if (onPostgres) {
    // Varnish in front of two more instances (e2e/edge), wherever varnishd is installed (.ci/run
    // installs it when it can); COPYDESK_E2E_EDGE=0 leaves it out.
    if (process.env.COPYDESK_E2E_EDGE !== "0" && hasVarnish) projects.push({ name: "edge", testMatch: /e2e\/edge\/.*\.spec\.ts/, workers: 1, use: { ...desktop, ...use }, dependencies: [setup] });
    // A second app instance on the same database (the embedded one has one process).
    projects.push({ name: "instances", testMatch: /instances\/.*\.spec\.ts/, workers: 1, use: { ...desktop, ...use }, dependencies: [setup] });
  }
  // No order between journeys: each makes its own data (e2e/fixtures.ts), so readers' and the
  // desk's journeys run side by side.
  const others = [/(instances|faults|e2e\/edge)\//];
  const journeys =
    onPostgres && engineOnly
      ? { testMatch: ENGINE_JOURNEYS }
      : { testIgnore: !onPostgres && both && engineOnly ? [...others, ENGINE_JOURNEYS] : others };
  projects.push({ name: named(engine, "chromium"), ...journeys, use: { ...desktop, ...use }, dependencies: [setup] });
  return projects;
}
// One secret for the test server and any second instance a journey starts (e2e/instances).
process.env.AUTH_SECRET ||= crypto.randomBytes(33).toString("base64");
// The token that opens the journeys' data factory on the e2e server (e2e/fixtures.ts, app/api/test-factory):
// new every run; the worker processes inherit it from here, the server from the webServer command.
process.env.COPYDESK_TEST_FACTORY_TOKEN ||= crypto.randomBytes(32).toString("hex");
// Single sign-on (e2e/auth/sso.spec.ts): the test server trusts an OpenID provider that the journey
// starts itself on its own port; Auth.js discovers it at the first click, so it may start late.
// Password sign-in stays on for every other journey. The client secret is new every run.
const oidcSecret = (process.env.COPYDESK_E2E_OIDC_SECRET ||= crypto.randomBytes(24).toString("hex"));
const oidcEnv = (engine: Engine) => ({
  COPYDESK_OIDC_ISSUER: `http://localhost:${portOf(engine) + PORT_OFFSETS.oidc[0]}`,
  COPYDESK_OIDC_CLIENT_ID: "copydesk-e2e",
  COPYDESK_OIDC_CLIENT_SECRET: oidcSecret,
  COPYDESK_OIDC_LABEL: "Newsroom ID",
  COPYDESK_OIDC_DEFAULT_ROLE: "journalist",
  COPYDESK_OIDC_GROUPS_CLAIM: "groups",
  COPYDESK_OIDC_ROLE_MAP: "copydesk-admins=admin,copydesk-editors=editor",
});
// Journeys own their data (e2e/fixtures.ts) and run side by side: two workers fit this project's
// 2-core CI machine (one server, two browsers); E2E_WORKERS overrides. The journeys that start
// servers of their own (fault checks, more instances, the edge) take one worker per project at a
// time and share the run with the browser journeys. A third worker was tried: the cores were
// then busy all the time, but each journey took longer (the kill -9 check 490 s instead of
// 142 s) and the PGlite pass grew from 9.7 to 11.8 minutes (with some other work beside it), so
// on two cores the run waits for the work, not for idle time.
const workers = Number(process.env.E2E_WORKERS) || 2;
const baseURL = `http://localhost:${portOf(engines[0])}`;

export default defineConfig<EngineOptions>({
  testDir: "e2e",
  // One folder per engine, so neither engine's journeys overwrite the other's evidence.
  outputDir: `test-results/e2e-${engines.length === 1 ? engines[0] : "both"}`,
  // Files are spread over the workers; the tests in one file run in order (a few share a page).
  fullyParallel: false,
  workers,
  // One retry: a 2-core machine running journeys side by side is noisy. A journey that passes only
  // on its retry is not hidden: `npm test` names it under "flaky" in its summary, to be fixed.
  // E2E_RETRIES=0 makes the first failure final.
  retries: Number(process.env.E2E_RETRIES ?? 1),
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  // Generous: a 2-core CI machine under load is slow; tests assert behaviour, never speed.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    locale: "en-GB", // the desk follows the browser's language unless a user picked one
    // A trace of the retry of a failed journey (the first attempt keeps its screenshot and
    // error): recording every passing journey cost 12 % of the run's CPU.
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // No order between projects beyond signing in first: journeys that change or count the whole
  // newsroom (authorization, a required second factor, password sign-in off) start a server with
  // a newsroom of their own (e2e/own-server.ts). The projects whose files run one at a time (the
  // fault checks, the edge, the instances) are listed first, so Playwright hands them out first:
  // listed last, the fault checks began when the browser journeys were done and ran 190 s alone
  // on one worker while the other had nothing left to do.
  projects: (() => {
    const all = engines.flatMap(projectsOf);
    const oneAtATime = (p: Project<EngineOptions>) => p.workers === 1;
    const setups = all.filter((p) => !p.dependencies);
    // Then the browser journeys, PostgreSQL's first: fewer and longer (the workflow), while
    // PGlite's many short ones fill the end evenly on both workers.
    const journeys = all.filter((p) => p.dependencies && !oneAtATime(p)).sort((a, b) => Number(b.name!.startsWith("pg-")) - Number(a.name!.startsWith("pg-")));
    return [...setups, ...all.filter((p) => p.dependencies && oneAtATime(p)), ...journeys];
  })(),
  // One test server per engine: a fresh data folder (or PostgreSQL schema), the demo newsroom
  // seeded, the production build served.
  webServer: engines.map((engine) => ({
    command: `npx tsx --conditions=react-server scripts/e2e-server.ts --port ${portOf(engine)}`,
    url: `http://localhost:${portOf(engine)}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    // The view count may lag 3 s instead of a minute, so the view journey need not wait minutes.
    env: {
      ...engineEnv(engine),
      COPYDESK_DATA_DIR: e2eDataDir(engine),
      COPYDESK_E2E_MAKE_TEMPLATE: engine === "pglite" ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      COPYDESK_VIEW_COUNT_SECONDS: "3",
      ...oidcEnv(engine),
    },
  })),
});
