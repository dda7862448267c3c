// Files the journeys of one Playwright pass share, named per engine: `npm test` runs a PGlite
// pass and a PostgreSQL pass, and neither may read the other's sessions or empty its data folder.
import type { Role } from "./pages/SignInPage";

const engine = process.env.DATABASE_URL?.trim() ? "postgres" : "pglite";

/** The test server's data folder (its media files; on PGlite its database too). More instances of the same newsroom use it as well. */
export const E2E_DATA_DIR = engine === "postgres" ? "data/e2e-postgres" : "data/e2e";

/** The signed-in session of `role` that e2e/auth.setup.ts keeps for this pass's journeys. */
export function authState(role: Role): string {
  return `e2e/.auth/${engine}/${role}.json`;
}
