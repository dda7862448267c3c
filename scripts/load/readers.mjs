// The readers of the load test, in a worker thread of their own so that autocannon's event
// loop does not delay the editors' saves (whose round trips the main thread times).
// Each request picks a page kind by weight and a random address of that kind, so the
// connections spread over many pages (some never asked for before: cache misses).
// Plain JavaScript: worker threads do not go through tsx's loader.
import { parentPort, workerData } from "node:worker_threads";
import autocannon from "autocannon";

/** @type {{ base: string; connections: number; seconds: number; timeoutSeconds: number; seed: number; mix: { kind: string; weight: number; paths: string[] }[] }} */
const plan = workerData;

// mulberry32, as lib/random.ts (plain JavaScript here: run by node directly).
let state = plan.seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const totalWeight = plan.mix.reduce((n, m) => n + m.weight, 0);
function choose() {
  let roll = random() * totalWeight;
  for (const m of plan.mix) {
    roll -= m.weight;
    if (roll < 0) return { kind: m.kind, path: m.paths[Math.floor(random() * m.paths.length)] };
  }
  const last = plan.mix[plan.mix.length - 1];
  return { kind: last.kind, path: last.paths[0] };
}

/** @type {Map<string, { times: number[]; non2xx: number }>} */
const byKind = new Map(plan.mix.map((m) => [m.kind, { times: [], non2xx: 0 }]));
/** @type {{ path: string; status: number }[]} */
const failures = [];

const options = {
  url: plan.base,
  connections: plan.connections,
  duration: plan.seconds,
  timeout: plan.timeoutSeconds,
  // What a browser sends for a page (the front cache keeps gzip and plain answers apart).
  headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "accept-encoding": "gzip" },
  requests: [
    {
      method: "GET",
      setupRequest: (request, context) => {
        const { kind, path } = choose();
        context.kind = kind;
        context.path = path;
        return { ...request, path };
      },
    },
  ],
};

const instance = autocannon(options, (error, raw) => {
  if (error) {
    parentPort.postMessage({ error: String(error) });
    return;
  }
  // Off the main thread autocannon leaves its histograms encoded (latency percentiles need them).
  const result = autocannon.aggregateResult([raw], options);
  const kinds = {};
  for (const [kind, k] of byKind) kinds[kind] = { requests: k.times.length, non2xx: k.non2xx, ...percentiles(k.times) };
  parentPort.postMessage({
    result: {
      requests: raw.totalCompletedRequests,
      responses: [...byKind.values()].reduce((n, k) => n + k.times.length, 0),
      reqPerSec: Math.round(raw.totalCompletedRequests / raw.duration),
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      bytesPerSec: Math.round(raw.totalBytes / raw.duration),
      byKind: kinds,
      failures,
    },
  });
});

// With one request in flight per connection, a connection's context still names the
// request whose response this is.
instance.on("response", (client, status, _bytes, ms) => {
  const context = client.requestIterator.context;
  const k = byKind.get(context.kind);
  if (!k) return;
  k.times.push(ms);
  if (status < 200 || status > 299) {
    k.non2xx += 1;
    if (failures.length < 20) failures.push({ path: context.path, status });
  }
});

/** @param {number[]} values */
function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? null;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? null };
}
