// Mixed load: 50 reader connections and 5 desk users autosaving for 60 s on the production
// server; no reader or editor sees an error and the database holds every confirmed save
// (scripts/load.ts does the work and the checks; this runs it). Only with
// COPYDESK_FAULT_TESTS=1 — see playwright.config.ts.
import { expect, test } from "@playwright/test";
import { runFaultScript } from "./run-fault-script";

type Figures = { attempts: number; acknowledged: number; conflicts: number; errors: number; timeouts: number; lostSaves: number };

test("50 readers and 5 editors autosaving for 60 s: no errors, every confirmed save in the database", async () => {
  test.setTimeout(10 * 60_000); // seeding 1,000 articles and 60 s of load on a busy 2-core machine
  const { code, report, output } = await runFaultScript("scripts/load.ts", ["--no-build", "--seconds", "60", "--readers", "50", "--editors", "5"], 5);
  expect(report?.failure ?? null, output.slice(-4000)).toBeNull();
  expect(code).toBe(0);
  const readers = report!.readers as { requests: number; non2xx: number; errors: number; timeouts: number };
  expect(readers.requests).toBeGreaterThan(0);
  expect({ non2xx: readers.non2xx, errors: readers.errors, timeouts: readers.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
  const editors = report!.editors as (Figures & { storedVersion: number; expectedVersion: number; bodyMatches: boolean; revisionMatches: boolean; tagsMatch: boolean })[];
  expect(editors).toHaveLength(5);
  for (const e of editors) {
    // At least one confirmed save every 12 s per person even on a loaded machine; typically many more.
    expect(e.acknowledged).toBeGreaterThanOrEqual(5);
    expect({ conflicts: e.conflicts, errors: e.errors, timeouts: e.timeouts, lost: e.lostSaves }).toEqual({ conflicts: 0, errors: 0, timeouts: 0, lost: 0 });
    expect(e.storedVersion).toBe(e.expectedVersion);
    expect({ body: e.bodyMatches, revision: e.revisionMatches, tags: e.tagsMatch }).toEqual({ body: true, revision: true, tags: true });
  }
});
