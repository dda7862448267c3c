// The live-blog case of `npm run bench`: many readers hold a live blog open while the desk
// publishes an entry every few seconds, once for each way an open page learns of entries:
//   - "poll": each reader asks for the small JSON of what changed since its revision once a
//     second, with its own phase (public/live.js without the event stream);
//   - "sse": each reader holds /api/live/{id}/events open and asks for the JSON the moment it
//     says "changed", plus a poll every 15 s as a safety net (public/live.js as it runs).
// The desk publishes through the live-blog panel's server action, signed in as the editor.
// Measured per mode:
//   - publish → visible: from sending the publish to each open page's answer that brings the
//     entry (p50/p95 over every reader and entry), and how many readers saw every entry;
//   - the JSON requests' rate, latency and failures, and the server's CPU and memory meanwhile;
//   - an ordinary page's throughput while all this runs, beside the same page measured alone.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { DeskClient } from "./desk";
import { groupUsage, load, round, spread, type LoadFigures, type Spread } from "./measure";

export type LiveMode = "poll" | "sse";

export type LiveFigures = {
  mode: LiveMode;
  readers: number;
  /** How often a reader asks without being told (poll: always; sse: the safety net). */
  pollMs: number;
  entries: number;
  everyMs: number;
  /** Publish sent → entry in a reader's poll answer. */
  visible: Spread;
  /** sse: publish sent → the stream's "changed" at a reader (the rest of `visible` is the question that follows). */
  told: Spread | null;
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
  mode: LiveMode;
  /** The blog the readers hold open. */
  live: { id: number };
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
  const POLL_MS = o.mode === "poll" ? 1000 : 15_000; // public/live.js: INTERVAL, QUIET_INTERVAL
  // Keep-alive sockets, as browsers keep theirs: one per reader at most (and one more for its stream).
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.readers, maxFreeSockets: o.readers });
  const streamAgent = new http.Agent({ keepAlive: false, maxSockets: o.readers });
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
  const start = await get(url(0));
  if (start.status !== 200) throw new Error(`the live blog ${o.live.id} answers ${start.status}`);
  const startRevision = (JSON.parse(start.body) as Answer).revision;
  const published = new Map<string, number>(); // entry title → when its publish was sent
  let lastPublish = 0;
  const told: number[] = [];
  const seen: Map<string, number>[] = []; // per reader: title → when it arrived
  const latencies: number[] = [];
  let polls = 0;
  let failures = 0;
  let streamFailures = 0;
  let stop = false;
  // A mark for this run's entries, so that no reader counts an earlier run's entry (a reused
  // archive has them) as one of these.
  const run = Date.now().toString(36);
  const mark = new RegExp(`bench-entry-${run}-\\d+`);

  /** One reader's open page: what it has seen, and one question to the JSON endpoint. */
  function page(i: number) {
    const mine = new Map<string, number>();
    seen[i] = mine;
    let since = startRevision;
    return async function ask() {
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
      return t0;
    };
  }

  /** Publishes an entry through the live-blog panel's server action, as the editor. */
  async function publishEntry(title: string, n: number) {
    const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Neue Lage (${n}): Die Fähre „Elbstadt“ fährt wieder.` }] }] };
    const result = await o.desk.formAction("createLiveEntryAction", { articleId: String(o.live.id), title, body: JSON.stringify(body), intent: "publish" }, `/desk/articles/${o.live.id}`);
    if (!result.ok) throw new Error(`publishing a live entry failed: ${result.code} ${result.message}`);
  }

  /** Sleeps up to `ms`, waking early when the run stops. */
  async function pause(ms: number) {
    const until = performance.now() + ms;
    while (!stop && performance.now() < until) await sleep(Math.min(250, until - performance.now()));
  }

  async function poller(i: number) {
    const ask = page(i);
    await sleep(Math.random() * POLL_MS); // readers opened the page at different moments
    while (!stop) {
      const t0 = await ask();
      await pause(Math.max(0, POLL_MS - (performance.now() - t0)));
    }
  }

  async function listener(i: number) {
    const askOnce = page(i);
    // As public/live.js: a question while one is under way is asked once more after it.
    let running: Promise<unknown> | null = null;
    let again = false;
    const ask = () => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await askOnce();
        } while (again && !stop);
        running = null;
      })();
    };
    await sleep(Math.random() * 1000); // readers opened the page at different moments
    const stream = http.get(`${o.base}/api/live/${o.live.id}/events`, { agent: streamAgent, headers: { accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        streamFailures += 1;
        res.resume();
        return;
      }
      ask(); // open: catch up
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^data:/m.test(event)) {
            if (lastPublish) told.push(Date.now() - lastPublish);
            ask();
          }
        }
      });
    });
    stream.on("error", () => {
      if (!stop) streamFailures += 1;
    });
    while (!stop) {
      await pause(POLL_MS);
      if (!stop) ask();
    }
    stream.destroy();
    await running;
  }

  const how = o.mode === "poll" ? `polling every ${POLL_MS} ms` : `on the event stream (and polling every ${POLL_MS / 1000} s)`;
  o.log(`Live blog (${o.mode}): ${o.readers} readers ${how}; an entry every ${o.everyMs / 1000} s, ${o.entries} in all`);
  const readers = Array.from({ length: o.readers }, (_, i) => (o.mode === "poll" ? poller(i) : listener(i)));
  await sleep(2000); // every page is open and has asked at least once
  // One entry before measuring: the first change after a thousand pages arrived at once finds the
  // pages' connections and the server's paths cold (about a second more in either mode); readers
  // of a real blog arrive over minutes, not in the same second.
  await publishEntry(`bench-warmup-${run}`, 0);
  await sleep(Math.min(o.everyMs, 3000));
  const before = groupUsage(o.serverPgid);
  const started = performance.now();
  const pollsBefore = polls;
  latencies.length = 0;

  // The ordinary page under load while the readers poll, alongside the publishing.
  const during = load(o.base + o.articlePath, o.connections, Math.max(3, Math.round((o.entries * o.everyMs) / 1000 / 2)), 0);
  for (let n = 1; n <= o.entries; n++) {
    const title = `bench-entry-${run}-${n}`;
    published.set(title, Date.now());
    lastPublish = Date.now();
    await publishEntry(title, n);
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
  streamAgent.destroy();

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
    mode: o.mode,
    readers: o.readers,
    pollMs: POLL_MS,
    entries: o.entries,
    everyMs: o.everyMs,
    visible: spread(visible),
    told: o.mode === "sse" ? spread(told) : null,
    readersWithAll,
    polls: { perSec: round(pollsDuring / elapsedS, 0), latency: latencySpread, failures: failures + streamFailures },
    server: { cpuPercent: round(((after.cpuMs - before.cpuMs) / 1000 / elapsedS) * 100, 0), rssMb: after.rssMb },
    articleDuring,
  };
  o.log(`  publish → visible on ${o.readers} open pages: p50 ${figures.visible.p50} ms, p95 ${figures.visible.p95} ms, max ${figures.visible.max} ms; ${readersWithAll}/${o.readers} readers saw every entry`);
  if (figures.told) o.log(`  publish → told by the stream: p50 ${figures.told.p50} ms, p95 ${figures.told.p95} ms, max ${figures.told.max} ms`);
  o.log(`  JSON requests: ${figures.polls.perSec}/s, p50 ${latencySpread.p50} ms, p95 ${latencySpread.p95} ms, ${figures.polls.failures} failed; server CPU ${figures.server.cpuPercent} % of a core, ${figures.server.rssMb} MB`);
  o.log(`  article page meanwhile @${o.connections}: ${articleDuring.reqPerSec} req/s, p99 ${articleDuring.p99} ms`);
  return figures;
}
