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
  // Something already answering there would be measured instead of our server.
  const busy = await fetch(`http://localhost:${opts.port}/`, { signal: AbortSignal.timeout(2000) }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`Port ${opts.port} is already in use; choose another with --port`);
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

/** CPU time (clock ticks) used so far by every process in a process group; null off Linux. */
function groupCpuTicks(pgid: number): number | null {
  let dirs: string[];
  try {
    dirs = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  let ticks = 0;
  for (const pid of dirs) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      // Fields after the command name "(…)": state ppid pgrp … utime(14) stime(15).
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(rest[2]) === pgid) ticks += Number(rest[11]) + Number(rest[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks;
}

/**
 * Waits until a server has worked off what an overloaded run left queued (autocannon stops
 * reading, the server keeps rendering), so the next run starts on an idle server. Returns
 * the time waited. Idle: under ~15 % of one core over a quarter second.
 */
export async function waitUntilIdle(pgid: number, maxMs = 300_000): Promise<number> {
  const started = Date.now();
  let last = groupCpuTicks(pgid);
  if (last === null) {
    await new Promise((r) => setTimeout(r, 2000));
    return 2000;
  }
  while (Date.now() - started < maxMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = groupCpuTicks(pgid) ?? 0;
    if (now - last <= 4) break; // clock ticks are 10 ms: ≤ 40 ms of CPU in 250 ms
    last = now;
  }
  return Date.now() - started;
}
