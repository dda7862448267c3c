import crypto from "node:crypto";
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it exists (this project's CI machines cannot download browsers);
// elsewhere Playwright's own browser from `npx playwright install chromium`.
const systemChromium = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && fs.existsSync(p)),
);

const port = Number(process.env.E2E_PORT || 3100);
const onPostgres = Boolean(process.env.DATABASE_URL?.trim());
// `npm test` runs every journey on PGlite, then on PostgreSQL only those whose outcome depends on
// the engine: the workflow (publish, schedule, conflicts, caches kept fresh), sign-in and its
// throttling, user admin, authorization, two instances and the fault checks. The reader and
// editor journeys read and write through the same queries, which the integration tests already
// run on both engines. COPYDESK_E2E_ENGINE_ONLY=0 (or `npm test -- --e2e-full`) runs all of it.
const engineOnly = onPostgres && process.env.COPYDESK_E2E_ENGINE_ONLY === "1";
const ENGINE_JOURNEYS = /(workflow|auth)\/.*\.spec\.ts|security\/authorization\.spec\.ts|desk\/users\.spec\.ts/;
// Fault checks start servers of their own and take minutes: only when COPYDESK_FAULT_TESTS=1 (CI
// sets it). Each runs on the engine where it tells most: kill -9 during publish and a schedule
// passing while the server is down on the embedded database (its files are the server's own);
// the database going away and the mixed load (concurrent saves, where PostgreSQL's locks
// deadlocked) on PostgreSQL. COPYDESK_FAULT_TESTS=all runs every check on whichever engine.
const EMBEDDED_FAULTS = /faults\/(kill-publish|scheduled-while-down)\.spec\.ts/;
const SERVER_FAULTS = /faults\/(db-down|mixed-load)\.spec\.ts/;
const faultsFlag = process.env.COPYDESK_FAULT_TESTS;
const faults =
  faultsFlag === "1" || faultsFlag === "all"
    ? [
        {
          name: "faults",
          testMatch: /faults\/.*\.spec\.ts/,
          // The database outage needs a database outside the server: PostgreSQL only, always.
          testIgnore: onPostgres ? (faultsFlag === "all" ? [] : [EMBEDDED_FAULTS]) : faultsFlag === "all" ? [/faults\/db-down\.spec\.ts/] : [SERVER_FAULTS],
        },
      ]
    : [];
// One secret for the test server and any second instance a journey starts (e2e/instances).
process.env.AUTH_SECRET ||= crypto.randomBytes(33).toString("base64");
export const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "e2e",
  // One folder per engine, so the PostgreSQL run does not overwrite the PGlite run's evidence.
  outputDir: process.env.DATABASE_URL ? "test-results/e2e-postgres" : "test-results/e2e-pglite",
  fullyParallel: false,
  workers: 1, // one server, one database: journeys run in order
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  // Generous: a 2-core CI machine under load is slow; tests assert behaviour, never speed.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: {
    baseURL,
    locale: "en-GB", // the desk follows the browser's language unless a user picked one
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: engineOnly
    ? [
        { name: "setup", testMatch: /auth\.setup\.ts/ },
        { name: "chromium", testMatch: ENGINE_JOURNEYS, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
        { name: "instances", testMatch: /instances\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup", "chromium"] },
        ...faults,
      ]
    : [
        { name: "setup", testMatch: /auth\.setup\.ts/ },
        // Reader journeys first: they count exactly the demo newsroom's articles in feeds and
        // sitemaps, which the desk journeys then add to.
        { name: "reader", testMatch: /reader\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"] },
        { name: "chromium", testIgnore: /(reader|instances|faults)\//, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup", "reader"] },
        // A second app instance on the same database: PostgreSQL only (the embedded one has one process).
        ...(onPostgres ? [{ name: "instances", testMatch: /instances\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"] }, dependencies: ["setup", "reader"] }] : []),
        ...faults,
      ],
  webServer: {
    // Resets its own data folder (or PostgreSQL schema), seeds the demo newsroom and serves the production build.
    command: `npx tsx --conditions=react-server scripts/e2e-server.ts --port ${port}`,
    url: `${baseURL}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { COPYDESK_DATA_DIR: "data/e2e", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
