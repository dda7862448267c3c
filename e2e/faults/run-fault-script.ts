// Runs one fault script (scripts/faults/*.ts) as its own process — it starts, kills and
// restarts production servers of its own on its own database — and returns its report.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { engineTest as test } from "../fixtures";

export type FaultReport = Record<string, unknown> & { failure: string | null };

/** `port`: the script's own (e2e/ports.ts), beside the journeys' server and everyone else's. */
export async function runFaultScript(script: string, args: string[], port: number): Promise<{ code: number | null; report: FaultReport | null; output: string }> {
  const reportFile = test.info().outputPath(`${path.basename(script, ".ts")}.json`);
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", script, "--port", String(port), "--report", reportFile, ...args], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c: Buffer) => {
    output += c;
    process.stdout.write(c);
  });
  child.stderr.on("data", (c: Buffer) => (output += c));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, "utf8")) as FaultReport) : null;
  if (report) await test.info().attach("report", { body: JSON.stringify(report, null, 2), contentType: "application/json" });
  return { code, report, output };
}
