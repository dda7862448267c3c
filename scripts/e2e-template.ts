// The journeys' seeded newsroom, made once per Playwright run on the embedded database.
//
// Every server a journey or a fault check starts with a newsroom of its own used to make a new
// PGlite folder, run every migration and seed the demo into it: about 11 s of CPU each (6.7 s
// of them creating and migrating the database), seven times in a PGlite run on a 2-core machine.
// The e2e server (scripts/e2e-server.ts with COPYDESK_E2E_MAKE_TEMPLATE=1) seeds one folder, closed and complete,
// and the others copy it: the same newsroom, for the price of copying its files.
//
// PostgreSQL is left as it was: its databases are made by the server, and its migrations cost
// little; only the embedded engine pays for a new database in the test's own process.
import fs from "node:fs";
import path from "node:path";
import { closeDb, getHandle } from "@/db/client";
import { seedDemo } from "./seed-demo";

/** Set by playwright.config.ts on PGlite: the folder the e2e server seeds and the others copy. */
export const TEMPLATE_ENV = "COPYDESK_E2E_TEMPLATE";

/** The template folder, when this run has one and it is complete. */
function seededTemplate(): string | null {
  const dir = process.env[TEMPLATE_ENV]?.trim();
  return dir && fs.existsSync(path.join(dir, ".complete")) ? dir : null;
}

/** Seeds the demo newsroom into the template folder `dir` (replacing an older one) and closes it. */
export async function makeTemplate(dir: string): Promise<void> {
  fs.rmSync(dir, { recursive: true, force: true });
  const previous = process.env.COPYDESK_DATA_DIR;
  process.env.COPYDESK_DATA_DIR = dir;
  try {
    await getHandle();
    await seedDemo();
    await closeDb();
    // Written last: a template a crash left half-seeded is never copied.
    fs.writeFileSync(path.join(dir, ".complete"), new Date().toISOString());
  } finally {
    process.env.COPYDESK_DATA_DIR = previous;
  }
}

/** Copies this run's seeded newsroom into the (not yet opened) data folder `into`; false when there is none. */
export function copyTemplate(into: string): boolean {
  const template = seededTemplate();
  if (!template) return false;
  fs.rmSync(into, { recursive: true, force: true });
  fs.cpSync(template, into, { recursive: true, filter: (source) => path.basename(source) !== ".complete" });
  return true;
}
