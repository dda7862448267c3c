// Files the journeys of one engine share, named per engine: `npm test` runs the PGlite and the
// PostgreSQL journeys in one Playwright run (playwright.config.ts), and neither may read the
// other's sessions or empty its data folder. Read when called, not when a file is loaded: a
// worker learns its engine from its project (e2e/fixtures.ts) after the test files are loaded.
import { usesEmbeddedDb } from "../scripts/env";
import type { Role } from "./pages/SignInPage";

export type Engine = "pglite" | "postgres";

/** The engine this worker's journeys run on. */
export function currentEngine(): Engine {
  return usesEmbeddedDb() ? "pglite" : "postgres";
}

/** The data folder of an engine's test server (its media files; on PGlite its database too). More instances of the same newsroom use it as well. */
export function e2eDataDir(engine: Engine = currentEngine()): string {
  return engine === "postgres" ? "data/e2e-postgres" : "data/e2e";
}

/** The signed-in session of `role` that e2e/auth.setup.ts keeps for this engine's journeys. */
export function authState(role: Role): string {
  return `e2e/.auth/${currentEngine()}/${role}.json`;
}
