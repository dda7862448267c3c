// Kill -9 during publish, at least 20 times (scripts/faults/kill-publish.ts does the work and
// the checks; this runs it). Only with COPYDESK_FAULT_TESTS=1 — see playwright.config.ts.
import { engineTest as test, expect } from "../fixtures";
import { runFaultScript } from "./run-fault-script";
import { portsOf } from "../ports";

test("a publish cut off by kill -9 leaves the old or the new snapshot, whole, and the desk's work intact", async () => {
  test.setTimeout(15 * 60_000); // ~20 restarts of the production server; a loaded 2-core machine is slow
  const { code, report, output } = await runFaultScript("scripts/faults/kill-publish.ts", ["--kills", "20"], portsOf("killPublish")[0]);
  expect(report?.failure ?? null, output.slice(-3000)).toBeNull();
  expect(code).toBe(0);
  expect(report!.kills).toBe(20);
  expect(report!.survived).toBe(20);
  expect(Number(report!.duringPublish)).toBeGreaterThan(0);
  expect(Number(report!.snapshotOld) + Number(report!.snapshotNew)).toBe(20);
});
