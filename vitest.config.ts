import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests that commit rows outside a rolled-back transaction: the co-editing server stores
// through its own connections, so its tests make a newsroom that stays; two PostgreSQL tests
// need two sessions to see the same rows (tags typed at once, related articles saved at once).
// On PostgreSQL every file shares one database, and tests that look at a whole table (the
// order of all sections, the fingerprint of every table in the authorization probe) must not
// see those rows appear or go: these files run after all the others.
const COMMITTING = [
  "db/articles/collab.test.ts",
  "db/articles/collab-fuzz.test.ts",
  "db/tags/ensure-concurrent.pg.test.ts",
  "db/articles/related-save.pg.test.ts",
];
// Files that change what the whole process sees — the process's own database handle, the data
// folder, the media store's settings — get a process of their own (vitest's default isolation).
// Every other database test file runs in a worker that keeps its modules and its one PGlite
// between files (db/testing/index.ts): opening a PGlite from the migrated template costs about
// two seconds of CPU, and a fresh process a second more of imports; shared, the PGlite pass took
// half the CPU (193 s against 371 s). Their tests already run each in a rolled-back transaction,
// as they do on PostgreSQL, where every file shares one database anyway.
const OWN_PROCESS = ["db/client.test.ts", "db/backup/backup.test.ts", "db/security/uploads.test.ts", "db/media/storage.test.ts", "db/media/media.test.ts", "db/testing/factory.test.ts"];
const onPostgres = Boolean(process.env.DATABASE_URL?.trim());
// *.pg.test.ts are about PostgreSQL itself (query plans): only when there is one.
const exclude = onPostgres ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.pg.test.ts"];

const shared = {
  // Generous: a first PGlite start on a busy 2-core machine can take half a minute. Tests never time work.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // Runs once per run however many projects name it (db/testing/global-setup.ts).
  globalSetup: ["db/testing/global-setup.ts"],
  // Second-factor secrets are sealed under a key derived from it (lib/second-factor/secret-box.ts).
  env: { AUTH_SECRET: process.env.AUTH_SECRET || "vitest-auth-secret" },
};

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "db/testing/server-only-stub.ts"),
    },
  },
  test: {
    // Vitest's default is one worker fewer than the cores: one on this project's 2-core CI machine,
    // where each file then waited for the one before. Two run side by side (each file its own
    // PGlite; on PostgreSQL each test its own rolled-back transaction); COPYDESK_VITEST_WORKERS overrides.
    maxWorkers: Number(process.env.COPYDESK_VITEST_WORKERS) || Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "shared-db",
          include: ["db/**/*.test.ts"],
          exclude: [...exclude, ...COMMITTING, ...OWN_PROCESS],
          isolate: false,
          env: { ...shared.env, COPYDESK_TEST_DB_SHARED: "1" },
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { ...shared, name: "isolated", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", ...OWN_PROCESS], exclude: [...exclude, ...COMMITTING], sequence: { groupOrder: 0 } },
      },
      // Last on PostgreSQL only: on PGlite each of these files has a database of its own (a
      // process of its own, not the shared-db worker's), so they run among the others there, and
      // the run no longer ends on its two longest files alone (one core idle for ~20 s).
      { extends: true, test: { ...shared, name: "committing", include: COMMITTING, exclude, sequence: { groupOrder: onPostgres ? 1 : 0 } } },
    ],
  },
});
