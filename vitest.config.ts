import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "db/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    // *.pg.test.ts are about PostgreSQL itself (query plans): only when there is one.
    exclude: process.env.DATABASE_URL?.trim() ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.pg.test.ts"],
    globalSetup: ["db/testing/global-setup.ts"],
    // Generous: a first PGlite start on a busy 2-core machine can take half a minute. Tests never time work.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
