// Mixed load: 50 reader connections and 5 desk users typing through the co-editing server for
// 60 s on the production server; no reader or editor sees an error and the database holds
// every sentence confirmed saved
// (scripts/load.ts does the work and the checks; this runs it). Only with
// COPYDESK_FAULT_TESTS=1 — see playwright.config.ts.
import { engineTest as test, expect } from "../fixtures";
import { runFaultScript } from "./run-fault-script";
import { portsOf } from "../ports";

type Figures = { attempts: number; acknowledged: number; errors: number; timeouts: number; lostSaves: number };

test("50 readers and 5 co-editing desk users for 60 s: no errors, every sentence confirmed saved in the database", async () => {
  test.setTimeout(10 * 60_000); // seeding 1,000 articles and 60 s of load on a busy 2-core machine
  const { code, report, output } = await runFaultScript("scripts/load.ts", ["--no-build", "--seconds", "60", "--readers", "50", "--editors", "5"], portsOf("mixedLoad")[0]);
  expect(report?.failure ?? null, output.slice(-4000)).toBeNull();
  expect(code).toBe(0);
  const readers = report!.readers as { requests: number; non2xx: number; errors: number; timeouts: number };
  expect(readers.requests).toBeGreaterThan(0);
  expect({ non2xx: readers.non2xx, errors: readers.errors, timeouts: readers.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
  const editors = report!.editors as (Figures & { bodyMatches: boolean; stateMatches: boolean; tagsMatch: boolean })[];
  expect(editors).toHaveLength(5);
  for (const e of editors) {
    // Dozens of sentences a minute per person even on a loaded machine, every one confirmed.
    expect(e.acknowledged).toBeGreaterThanOrEqual(20);
    expect(e.acknowledged).toBe(e.attempts);
    expect({ errors: e.errors, timeouts: e.timeouts, lost: e.lostSaves }).toEqual({ errors: 0, timeouts: 0, lost: 0 });
    expect({ body: e.bodyMatches, state: e.stateMatches, tags: e.tagsMatch }).toEqual({ body: true, state: true, tags: true });
  }
});
