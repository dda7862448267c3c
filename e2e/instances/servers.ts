// More app instances on the test server's database, build and secret (playwright.config.ts
// shares them), for the journeys about running several: e2e/instances and e2e/edge.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "@playwright/test";
import { portsOf } from "../ports";
import { e2eDataDir } from "../paths";

/**
 * Through PgBouncer (COPYDESK_E2E_PGBOUNCER=1, how npm test runs the PostgreSQL journeys) more instances reach PostgreSQL as the test server
 * does: through the PgBouncer scripts/e2e-server.ts started (on E2E_PORT + 30), LISTEN and
 * migrations over the direct URL.
 */
function databaseEnv(): Record<string, string> {
  const direct = process.env.DATABASE_URL?.trim();
  if (process.env.COPYDESK_E2E_PGBOUNCER !== "1" || !direct) return {};
  const pooled = new URL(direct);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(portsOf("pgbouncer")[0]);
  return { DATABASE_URL: pooled.toString(), DATABASE_DIRECT_URL: direct };
}

/** Starts scripts/serve.mjs on `port` (own process group) and waits until it answers; returns its stop. */
export async function startInstance(port: number, env: Record<string, string> = {}): Promise<() => void> {
  const server = spawn(process.execPath, [path.resolve("scripts/serve.mjs"), "-p", String(port)], {
    env: { ...process.env, PORT: String(port), AUTH_TRUST_HOST: "true", COPYDESK_DATA_DIR: e2eDataDir(), ...databaseEnv(), ...env },
    detached: true,
    stdio: process.env.E2E_INSTANCE_LOGS ? "inherit" : "ignore",
  });
  const stop = () => {
    if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
  };
  try {
    await expect.poll(async () => (await fetch(`http://localhost:${port}/signin`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [500] }).toBe(200);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
