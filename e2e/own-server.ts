// A production server with a newsroom of its own, for a journey that changes what every other
// journey depends on (a newsroom-wide setting) or that needs the server started differently
// (password sign-in off): the demo newsroom seeded fresh into its own data folder, or on
// PostgreSQL into a database of its own beside the test server's, so the shared e2e server and
// the journeys running beside this one never see it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { throwawayDatabase } from "../scripts/throwaway-database";

/** Starts scripts/e2e-server.ts on `port` for newsroom `name`; resolves with its stop once it answers. */
export async function startOwnServer(name: string, port: number, env: Record<string, string> = {}): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL?.trim();
  // Per engine: with --e2e-full the same journey may run on both at once.
  const dataDir = base ? `data/e2e-postgres-${name}` : `data/e2e-${name}`;
  let dropDatabase: (() => Promise<void>) | null = null;
  const own: Record<string, string> = { COPYDESK_DATA_DIR: dataDir };
  if (base) {
    // PostgreSQL: a database of its own on the same server (dropped and made again each run).
    const database = await throwawayDatabase(base, name);
    own.DATABASE_URL = database.url;
    own.DATABASE_DIRECT_URL = "";
    dropDatabase = database.drop;
  } else {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const server = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/e2e-server.ts", "--port", String(port)], {
    env: { ...process.env, COPYDESK_E2E_PGBOUNCER: "0", ...own, ...env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    detached: true,
    stdio: process.env.E2E_INSTANCE_LOGS ? "inherit" : "ignore",
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    await dropDatabase?.().catch(() => undefined);
  };
  try {
    await expect.poll(async () => (await fetch(`http://localhost:${port}/signin`).catch(() => null))?.status ?? 0, { timeout: 200_000, intervals: [1000] }).toBe(200);
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}

