// Varnish (Debian's varnishd with varnish-modules' xkey) in front of app instances, with the
// repository's deploy/varnish/copydesk.vcl: started in the foreground in a working folder of its
// own, stopped with its process group. Used by the edge journey and `npm run bench -- --edge varnish`.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const VARNISHD = ["/usr/sbin/varnishd", "/usr/local/sbin/varnishd"].find((p) => fs.existsSync(p));

export type Varnish = { url: string; stats: () => { hits: number; misses: number; hitRate: number }; stop: () => void };

/** Starts Varnish on `port` (its admin port is `port + 1`) round-robin over the app `backends` (ports). */
export async function startVarnish(port: number, backends: number[]): Promise<Varnish> {
  if (!VARNISHD) throw new Error("varnishd is not installed (apt-get install varnish varnish-modules)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-varnish-"));
  fs.chmodSync(dir, 0o755); // varnishd reads the VCL as its own unprivileged user
  const name = path.join(dir, "n");
  // The site file, as deploy/varnish/site.example.vcl shows: backends, the director, the repo's VCL.
  const site = path.join(dir, "site.vcl");
  fs.writeFileSync(
    site,
    `vcl 4.1;\nimport directors;\n` +
      backends.map((p, i) => `backend app${i} {\n  .host = "127.0.0.1";\n  .port = "${p}";\n}\n`).join("") +
      `sub vcl_init {\n  new app = directors.round_robin();\n${backends.map((_, i) => `  app.add_backend(app${i});\n`).join("")}}\n` +
      `include "${path.resolve("deploy/varnish/copydesk.vcl")}";\n`,
  );
  const child = spawn(VARNISHD, ["-F", "-n", name, "-a", `127.0.0.1:${port}`, "-T", `127.0.0.1:${port + 1}`, "-f", site, "-s", "malloc,128m"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  child.stderr?.on("data", (chunk) => (log += chunk));
  const stop = () => {
    try {
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    setTimeout(() => fs.rmSync(dir, { recursive: true, force: true }), 2000).unref();
  };
  process.once("exit", stop); // never outlive the process that started it (a failed bench, a killed worker)
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`varnishd exited: ${log}`);
    const ok = await fetch(url, { method: "PURGE", headers: { "xkey-purge": "none" } }).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 120) {
      stop();
      throw new Error(`varnishd did not answer on ${url}: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // E2E_VARNISH_LOG=file: every request Varnish handles, grouped (varnishlog -g request), for
  // finding out why a page was or was not purged (the stored object's xkey, its TTL).
  if (process.env.E2E_VARNISH_LOG) {
    const logger = spawn("varnishlog", ["-n", name, "-g", "request", "-t", "off"], { detached: true, stdio: ["ignore", fs.openSync(process.env.E2E_VARNISH_LOG, "w"), "inherit"] });
    process.once("exit", () => logger.pid && process.kill(-logger.pid, "SIGTERM"));
  }
  const stats = () => {
    const out = JSON.parse(execFileSync("varnishstat", ["-n", name, "-1", "-j", "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss"], { encoding: "utf8" })) as {
      counters?: Record<string, { value: number }>;
    } & Record<string, { value: number }>;
    const counters = out.counters ?? out;
    const hits = counters["MAIN.cache_hit"]?.value ?? 0;
    const misses = counters["MAIN.cache_miss"]?.value ?? 0;
    return { hits, misses, hitRate: hits + misses ? hits / (hits + misses) : 0 };
  };
  return { url, stats, stop };
}
