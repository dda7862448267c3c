// The benchmark's measurements, each against a running server. Figures are printed, never
// asserted: a loaded machine makes them slower, not wrong.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import zlib from "node:zlib";
import autocannon, { type Result } from "autocannon";
import type { DeskClient } from "./desk";

export type LoadFigures = { reqPerSec: number; p50: number; p99: number; errors: number; non2xx: number; requests: number };
export type Spread = { n: number; p50: number; p95: number; max: number };

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1] ?? NaN) };
}

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * A warm-up run (discarded), then the measured one, with the same settings. `settle` waits
 * until the server has finished what the warm-up left in flight.
 */
export async function load(url: string, connections: number, seconds: number, warmupSeconds: number, settle?: () => Promise<unknown>): Promise<LoadFigures> {
  if (warmupSeconds > 0) {
    await autocannon({ url, connections, duration: warmupSeconds });
    await settle?.();
  }
  const r: Result = await autocannon({ url, connections, duration: seconds });
  return {
    reqPerSec: round(r.requests.average, 0),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}

/** One GET, timed to the last byte (on loopback: the server's time plus a little). */
export async function timedGet(url: string): Promise<{ ms: number; status: number; body: string; headers: Headers }> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual" });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, body, headers: res.headers };
}

/**
 * SQL statements one request costs, read from the server's counter around it, and what
 * Next's page cache said about the answer (x-nextjs-cache: HIT, STALE, MISS; null: not cached).
 */
export async function queriesFor(base: string, path: string): Promise<{ queries: number | null; cache: string | null }> {
  const count = async () => {
    const res = await fetch(`${base}/api/query-count`, { cache: "no-store" });
    return res.ok ? ((await res.json()) as { count: number }).count : null;
  };
  const before = await count();
  const res = await fetch(base + path);
  await res.arrayBuffer();
  const cache = res.headers.get("x-nextjs-cache");
  const after = await count();
  return { queries: before === null || after === null ? null : after - before, cache };
}

export type PageWeight = {
  htmlBytes: number;
  htmlGzip: number;
  /** The RSC payload Next inlines into the HTML for hydration (self.__next_f.push scripts), gzip: part of htmlGzip. */
  inlineRscGzip: number;
  cssGzip: number;
  jsGzip: number;
  /** Scripts of the framework's runtime (the build manifest's root files). */
  frameworkJsGzip: number;
  /** Everything else: our own client components and what they import. */
  ownJsGzip: number;
  scripts: { src: string; gzip: number; framework: boolean }[];
};

const gzipSize = (data: string | Buffer) => zlib.gzipSync(data).length;

export async function pageWeight(base: string, html: string, frameworkFiles: Set<string>): Promise<PageWeight> {
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  const css = [...new Set([...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<link[^>]+href="([^"]+)"[^>]+rel="stylesheet"/g)].map((m) => m[1] ?? m[2]))];
  const scripts: PageWeight["scripts"] = [];
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    const file = decodeURIComponent(new URL(src, base).pathname).replace(/^\/_next\//, "");
    scripts.push({ src, gzip: gzipSize(body), framework: frameworkFiles.has(file) });
  }
  let cssGzip = 0;
  for (const href of css) cssGzip += gzipSize(Buffer.from(await (await fetch(new URL(href, base))).arrayBuffer()));
  const sum = (list: typeof scripts) => list.reduce((n, s) => n + s.gzip, 0);
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzip: gzipSize(html),
    inlineRscGzip: gzipSize((html.match(/<script>self\.__next_f\.push\([\s\S]*?<\/script>/g) ?? []).join("")),
    cssGzip,
    jsGzip: sum(scripts),
    frameworkJsGzip: sum(scripts.filter((s) => s.framework)),
    ownJsGzip: sum(scripts.filter((s) => !s.framework)),
    scripts,
  };
}

/** Autosave round trips: the editor's save action, as the editor sends it, one after another. */
export async function autosaveRoundTrips(desk: DeskClient, articleId: number, samples: number): Promise<Spread> {
  const article = await desk.load(articleId);
  let version = article.version;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    version = await desk.save(article, version, `Autosave round trip ${i + 1}.`, true);
    times.push(performance.now() - t0);
  }
  return spread(times);
}

export type PublishFigures = { visible: Spread; publishAction: Spread; pollIntervalMs: number };

/**
 * Publish → visible: save a new sentence, publish it, and poll the public page until the
 * sentence is there. Timed from sending the publish request to the first page that shows it.
 */
export async function publishToVisible(desk: DeskClient, base: string, articleId: number, path: string, samples: number): Promise<PublishFigures> {
  const visible: number[] = [];
  const action: number[] = [];
  const pollIntervalMs = 10;
  let article = await desk.load(articleId);
  for (let i = 0; i < samples; i++) {
    const marker = `Benchmark update ${Date.now().toString(36)}x${i}`;
    const saved = await desk.save(article, article.version, `${marker}.`, false);
    const t0 = performance.now();
    await desk.publish(articleId, saved);
    action.push(performance.now() - t0);
    for (;;) {
      const html = await (await fetch(base + path, { cache: "no-store" })).text();
      if (html.includes(marker)) break;
      if (performance.now() - t0 > 60_000) throw new Error(`Published text did not appear on ${path} within 60 s`);
      await new Promise((r) => setTimeout(r, pollIntervalMs));
    }
    visible.push(performance.now() - t0);
    article = await desk.load(articleId); // the next round starts from the published version
  }
  return { visible: spread(visible), publishAction: spread(action), pollIntervalMs };
}

/** A process group (a server and its children): resident memory (MB) and CPU time used so far (ms). */
export function groupUsage(pgid: number): { rssMb: number; cpuMs: number } {
  // ps gives CPU time in whole seconds, too coarse for a few seconds of typing: the CPU comes from
  // /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms), the resident memory from ps.
  const out = execFileSync("ps", ["-o", "pid=,rss=", "-g", String(pgid)], { encoding: "utf8" });
  let rss = 0;
  let ticks = 0;
  for (const line of out.trim().split("\n")) {
    const [pid, kb] = line.trim().split(/\s+/).map(Number);
    rss += kb || 0;
    try {
      // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended between ps and here
    }
  }
  return { rssMb: round(rss / 1024), cpuMs: ticks * 10 };
}
