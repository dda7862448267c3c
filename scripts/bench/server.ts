// Starts processes for the benchmark in their own process group (setsid), so stopping one
// stops everything it spawned (next-server too) and nothing is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type Server = { url: string; pid: number; stop: () => Promise<void> };

const running = new Set<ChildProcess>();

/** Kills every group we started; for an error path or Ctrl+C. */
export function killAll(): void {
  for (const child of running) signalGroup(child, "SIGKILL");
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export async function startProcess(opts: { name: string; args: string[]; env: NodeJS.ProcessEnv; port: number; logFile: string; readyPath?: string; timeoutMs?: number }): Promise<Server> {
  fs.mkdirSync(path.dirname(opts.logFile), { recursive: true });
  const log = fs.openSync(opts.logFile, "w");
  const child = spawn(process.execPath, opts.args, { env: opts.env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  running.add(child);
  const url = `http://localhost:${opts.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      signalGroup(child, "SIGTERM");
      const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${opts.name} exited with code ${child.exitCode} before it answered; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    }
    try {
      const res = await fetch(url + (opts.readyPath ?? "/"), { signal: AbortSignal.timeout(30_000) });
      await res.arrayBuffer();
      if (res.ok) return { url, pid: child.pid!, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} did not answer on ${url} in time; see ${opts.logFile}:\n${tail(opts.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

function tail(file: string): string {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "";
  }
}
