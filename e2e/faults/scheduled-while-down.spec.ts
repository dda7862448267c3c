// A schedule whose time passes while the server is down: visible on the first requests after
// the restart (scripts/faults/scheduled-while-down.ts does the work and the checks; this runs
// it). Only with COPYDESK_FAULT_TESTS=1 — see playwright.config.ts.
import { engineTest as test, expect } from "../fixtures";
import { runFaultScript } from "./run-fault-script";
import { portsOf } from "../ports";

test("an article scheduled for a moment the server is down appears on the first requests after it is back", async () => {
  test.setTimeout(5 * 60_000); // the desk schedules to the minute: up to ~70 s of waiting for the time to pass
  const { code, report, output } = await runFaultScript("scripts/faults/scheduled-while-down.ts", [], portsOf("scheduledWhileDown")[0]);
  expect(report?.failure ?? null, output.slice(-3000)).toBeNull();
  expect(code).toBe(0);
  expect(report!.firstRequests).toEqual({ article: 200, home: 200, section: 200, feed: 200 });
});
