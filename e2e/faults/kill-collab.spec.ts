// Kill -9 while three people write together (scripts/faults/kill-collab.ts does the work and the
// checks; this runs it). Only with COPYDESK_FAULT_TESTS=1 — see playwright.config.ts.
import { engineTest as test, expect } from "../fixtures";
import { runFaultScript } from "./run-fault-script";
import { portsOf } from "../ports";

test("co-editors killed mid-sentence: every word they were told was saved is in the database, and they converge after the restart", async () => {
  test.setTimeout(10 * 60_000); // four starts of the production server on a loaded 2-core machine
  const { code, report, output } = await runFaultScript("scripts/faults/kill-collab.ts", ["--kills", "3"], portsOf("killCollab")[0]);
  expect(report?.failure ?? null, output.slice(-3000)).toBeNull();
  expect(code).toBe(0);
  expect(report!.kills).toBe(3);
  expect(report!.survived).toBe(3);
  // The check has teeth only if the kills fell among words already stored.
  expect(Number(report!.toldSaved)).toBeGreaterThan(0);
});
