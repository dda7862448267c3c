// The live-blog case of `npm run bench`: many readers hold a live blog open while the desk
// publishes an entry every few seconds. Each reader polls as public/live.js does (the small JSON
// of what changed since its revision, once a second, with its own phase); the desk publishes
// through the live-blog panel's server action, signed in as the editor. Measured:
//   - publish → visible: from sending the publish to each open page's poll that brings the entry
//     (p50/p95 over every reader and entry), and how many readers saw every entry;
//   - the polls' rate, latency and failures, and the server's CPU and memory while they run;
//   - an ordinary page's throughput while all this runs, beside the same page measured alone.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { DeskClient } from "./desk";
import { groupUsage, load, round, spread, type LoadFigures, type Spread } from "./measure";

export type LiveFigures = {
  readers: number;
  pollMs: number;
  entries: number;
  everyMs: number;
  /** Publish sent → entry in a reader's poll answer. */
  visible: Spread;
  /** Readers that saw every published entry (of `readers`). */
  readersWithAll: number;
  polls: { perSec: number; latency: Spread; failures: number };
  server: { cpuPercent: number; rssMb: number };
  /** The article page under autocannon while the readers poll (compare with the run without them). */
  articleDuring: LoadFigures;
};

type Options = {
  base: string;
  desk: DeskClient;
  /** The blog and its revision as the run starts (what an up-to-date reader's poll names). */
  live: { id: number; revision: number };
  articlePath: string;
  serverPgid: number;
  readers: number;
  entries: number;
  everyMs: number;
  connections: number;
  log: (line: string) => void;
};

type Answer = { revision: number; entries: { id: number; html: string }[] };

export async function liveBench(o: Options): Promise<LiveFigures> {
  const POLL_MS = 1000; // public/live.js
  // Keep-alive sockets, as browsers keep theirs: one per reader at most.
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.readers });
  const get = (address: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      http
        .get(address, { agent }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          res.on("error", reject);
        })
        .on("error", reject);
    });
  const url = (since: number) => `${o.base}/api/live/${o.live.id}?since=${since}`;
  const published = new Map<string, number>(); // entry title → when its publish was sent
  const seen: Map<string, number>[] = []; // per reader: title → when it arrived
  const latencies: number[] = [];
  let polls = 0;
  let failures = 0;
  let stop = false;
  // A mark for this run's entries, so that no reader counts an earlier run's entry (a reused
  // archive has them) as one of these.
  const run = Date.now().toString(36);
  const mark = new RegExp(`bench-entry-${run}-\\d+`);

  async function reader(i: number) {
    const mine = new Map<string, number>();
    seen[i] = mine;
    let since = o.live.revision;
    await sleep(Math.random() * POLL_MS); // readers opened the page at different moments
    while (!stop) {
      const t0 = performance.now();
      try {
        const res = await get(url(since));
        polls += 1;
        latencies.push(performance.now() - t0);
        const answer = res.status === 200 ? (JSON.parse(res.body) as Answer) : null;
        if (!answer) failures += 1;
        else if (answer.revision > since) {
          since = answer.revision;
          const now = Date.now();
          for (const e of answer.entries) {
            const title = mark.exec(e.html)?.[0];
            if (title && !mine.has(title)) mine.set(title, now);
          }
        }
      } catch {
        failures += 1;
      }
      await sleep(Math.max(0, POLL_MS - (performance.now() - t0)));
    }
  }

  o.log(`Live blog: ${o.readers} readers polling every ${POLL_MS} ms; an entry every ${o.everyMs / 1000} s, ${o.entries} in all`);
  const readers = Array.from({ length: o.readers }, (_, i) => reader(i));
  await sleep(POLL_MS * 2); // everyone has polled at least once
  const before = groupUsage(o.serverPgid);
  const started = performance.now();
  const pollsBefore = polls;
  latencies.length = 0;

  // The ordinary page under load while the readers poll, alongside the publishing.
  const during = load(o.base + o.articlePath, o.connections, Math.max(3, Math.round((o.entries * o.everyMs) / 1000 / 2)), 0);
  for (let n = 1; n <= o.entries; n++) {
    const title = `bench-entry-${run}-${n}`;
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Neue Lage (${n}): Die Fähre „Elbstadt“ fährt wieder.` }] }] };
    published.set(title, Date.now());
    const result = await o.desk.formAction("createLiveEntryAction", { articleId: String(o.live.id), title, body: JSON.stringify(body), intent: "publish" }, `/desk/articles/${o.live.id}`);
    if (!result.ok) throw new Error(`publishing a live entry failed: ${result.code} ${result.message}`);
    await sleep(o.everyMs);
  }
  const articleDuring = await during;
  const elapsedS = (performance.now() - started) / 1000;
  const after = groupUsage(o.serverPgid);
  const pollsDuring = polls - pollsBefore;
  const latencySpread = spread(latencies);
  stop = true;
  await Promise.all(readers);
  agent.destroy();

  const visible: number[] = [];
  let readersWithAll = 0;
  for (const mine of seen) {
    let all = true;
    for (const [title, at] of published) {
      const got = mine.get(title);
      if (got === undefined) all = false;
      else visible.push(got - at);
    }
    if (all) readersWithAll += 1;
  }
  const figures: LiveFigures = {
    readers: o.readers,
    pollMs: POLL_MS,
    entries: o.entries,
    everyMs: o.everyMs,
    visible: spread(visible),
    readersWithAll,
    polls: { perSec: round(pollsDuring / elapsedS, 0), latency: latencySpread, failures },
    server: { cpuPercent: round(((after.cpuMs - before.cpuMs) / 1000 / elapsedS) * 100, 0), rssMb: after.rssMb },
    articleDuring,
  };
  o.log(`  publish → visible on ${o.readers} open pages: p50 ${figures.visible.p50} ms, p95 ${figures.visible.p95} ms, max ${figures.visible.max} ms; ${readersWithAll}/${o.readers} readers saw every entry`);
  o.log(`  polls: ${figures.polls.perSec}/s, p50 ${latencySpread.p50} ms, p95 ${latencySpread.p95} ms, ${failures} failed; server CPU ${figures.server.cpuPercent} % of a core, ${figures.server.rssMb} MB`);
  o.log(`  article page meanwhile @${o.connections}: ${articleDuring.reqPerSec} req/s, p99 ${articleDuring.p99} ms`);
  return figures;
}
