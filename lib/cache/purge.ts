// Purges cache tags at the edge (Varnish, Fastly, Cloudflare) after a change commits: the same
// tags that expire this process's reader cache (db/reader-cache.ts). Configured by environment,
// several edges at once; each purge is retried with backoff and logged, and none ever holds up
// the writer for long: the verb waits for the first attempt at most COPYDESK_PURGE_WAIT_MS.
//
//   COPYDESK_PURGE_VARNISH          comma-separated Varnish addresses (http://host:port) taking
//                                   `PURGE /` with an `xkey-purge: tag tag …` header
//                                   (deploy/varnish/copydesk.vcl)
//   COPYDESK_PURGE_FASTLY_SERVICE   Fastly service id, with COPYDESK_PURGE_FASTLY_TOKEN (an API
//                                   token with purge_select); COPYDESK_PURGE_FASTLY_SOFT=1 marks
//                                   stale instead of removing
//   COPYDESK_PURGE_CLOUDFLARE_ZONE  Cloudflare zone id, with COPYDESK_PURGE_CLOUDFLARE_TOKEN (an
//                                   API token with Cache Purge permission)
//   COPYDESK_PURGE_WAIT_MS          how long a verb waits for the first attempt (default 1000)
//   COPYDESK_PURGE_REPEAT_MS        purge each batch again this long after the first (default
//                                   2000; 0: never) — see below
import { edgeTag } from "./edge.mjs";

export type PurgeTarget = { name: string; send: (tags: string[], signal: AbortSignal) => Promise<void> };
type Log = (message: string) => void;

/** Splits `tags` into batches of at most `size` tags and `chars` characters (joined). */
function batches(tags: string[], size: number, chars = Infinity): string[][] {
  const out: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const tag of tags) {
    if (batch.length && (batch.length >= size || length + tag.length + 1 > chars)) {
      out.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(tag);
    length += tag.length + 1;
  }
  if (batch.length) out.push(batch);
  return out;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (response.ok) return;
  const text = (await response.text().catch(() => "")).slice(0, 200);
  throw new Error(`${what} answered ${response.status}${text ? `: ${text}` : ""}`);
}

/** Varnish with deploy/varnish/copydesk.vcl: `PURGE /` with the tags in `xkey-purge` (xkey.purge). */
export function varnishTarget(address: string): PurgeTarget {
  const url = new URL("/", address);
  return {
    name: `varnish ${url.host}`,
    async send(tags, signal) {
      // Varnish limits a request header to 8 KB by default (http_req_hdr_len).
      for (const batch of batches(tags, Infinity, 6000)) {
        const response = await fetch(url, { method: "PURGE", headers: { "xkey-purge": batch.join(" ") }, signal });
        await expectOk(response, "Varnish");
      }
    },
  };
}

/**
 * Fastly's purge by surrogate keys: POST /service/{id}/purge with `{"surrogate_keys": […]}`
 * (at most 256 keys a request), authenticated by the Fastly-Key header.
 */
export function fastlyTarget(opts: { service: string; token: string; soft?: boolean; api?: string }): PurgeTarget {
  const url = new URL(`service/${encodeURIComponent(opts.service)}/purge`, `${(opts.api ?? "https://api.fastly.com").replace(/\/?$/, "/")}`);
  return {
    name: "fastly",
    async send(tags, signal) {
      for (const batch of batches(tags, 256)) {
        const headers: Record<string, string> = { "fastly-key": opts.token, "content-type": "application/json", accept: "application/json" };
        if (opts.soft) headers["fastly-soft-purge"] = "1";
        const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ surrogate_keys: batch }), signal });
        await expectOk(response, "Fastly");
      }
    },
  };
}

/**
 * Cloudflare's purge by cache tags: POST /zones/{zone}/purge_cache with `{"tags": […]}` (at
 * most 30 a request on every plan that has tag purging), a Bearer API token; it answers
 * `{"success": true, …}`.
 */
export function cloudflareTarget(opts: { zone: string; token: string; api?: string }): PurgeTarget {
  const url = new URL(`zones/${encodeURIComponent(opts.zone)}/purge_cache`, `${(opts.api ?? "https://api.cloudflare.com/client/v4").replace(/\/?$/, "/")}`);
  return {
    name: "cloudflare",
    async send(tags, signal) {
      for (const batch of batches(tags, 30)) {
        const response = await fetch(url, {
          method: "POST",
          headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
          body: JSON.stringify({ tags: batch }),
          signal,
        });
        await expectOk(response, "Cloudflare");
        const body = (await response.json().catch(() => null)) as { success?: boolean; errors?: { message?: string }[] } | null;
        if (!body?.success) throw new Error(`Cloudflare refused the purge: ${body?.errors?.map((e) => e.message).join("; ") || "no success in its answer"}`);
      }
    },
  };
}

/** The edges the environment names (none: nothing to purge). */
export function purgeTargets(env: Record<string, string | undefined> = process.env): PurgeTarget[] {
  const targets: PurgeTarget[] = [];
  for (const address of (env.COPYDESK_PURGE_VARNISH ?? "").split(",").map((a) => a.trim()).filter(Boolean)) targets.push(varnishTarget(address));
  const fastly = env.COPYDESK_PURGE_FASTLY_SERVICE?.trim();
  if (fastly) {
    const token = env.COPYDESK_PURGE_FASTLY_TOKEN?.trim();
    if (!token) throw new Error("COPYDESK_PURGE_FASTLY_SERVICE is set but COPYDESK_PURGE_FASTLY_TOKEN is not: Fastly needs an API token to purge.");
    targets.push(fastlyTarget({ service: fastly, token, soft: env.COPYDESK_PURGE_FASTLY_SOFT === "1", api: env.COPYDESK_PURGE_FASTLY_API }));
  }
  const zone = env.COPYDESK_PURGE_CLOUDFLARE_ZONE?.trim();
  if (zone) {
    const token = env.COPYDESK_PURGE_CLOUDFLARE_TOKEN?.trim();
    if (!token) throw new Error("COPYDESK_PURGE_CLOUDFLARE_ZONE is set but COPYDESK_PURGE_CLOUDFLARE_TOKEN is not: Cloudflare needs an API token to purge.");
    targets.push(cloudflareTarget({ zone, token, api: env.COPYDESK_PURGE_CLOUDFLARE_API }));
  }
  return targets;
}

export type Purger = {
  /**
   * Queues `tags` for every target. The promise (which never rejects) settles when the first
   * attempt at every target has: a caller may wait for it, bounded (purgeEdge); retries go on.
   */
  purge: (tags: Iterable<string>) => Promise<void>;
  /** Resolves when everything queued so far was sent (or given up). */
  idle: () => Promise<void>;
};

/**
 * A queue in front of the targets. Tags queued in the same turn of the event loop go out as one
 * batch; each target gets each batch independently (a slow or failing edge holds up no other),
 * with up to `attempts` tries, waiting `backoffMs` × 2ⁿ between them.
 *
 * `repeatAfterMs`: the edge may refetch a page right after the purge from another app instance
 * that has not yet heard of the change (its NOTIFY is a few milliseconds behind), or a fetch
 * already in flight may land after the purge; the batch is purged once more after this delay
 * so that such a copy does not outlive it.
 */
export function createPurger(opts: { targets: PurgeTarget[]; attempts?: number; backoffMs?: number; repeatAfterMs?: number; timeoutMs?: number; log?: Log }): Purger {
  const { targets, attempts = 5, backoffMs = 500, repeatAfterMs = 2000, timeoutMs = 10_000 } = opts;
  const log = opts.log ?? ((message: string) => console.error(message));
  const running = new Set<Promise<void>>();
  let pending: { tags: Set<string>; firstTry: Promise<void> } | null = null;

  const track = (work: Promise<void>) => {
    running.add(work);
    void work.finally(() => running.delete(work));
  };

  async function deliver(target: PurgeTarget, tags: string[], tried: () => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await target.send(tags, AbortSignal.timeout(timeoutMs));
        if (process.env.COPYDESK_PURGE_DEBUG) log(`[copydesk] edge purge (${target.name}) sent: ${tags.join(" ")}`);
        tried();
        return;
      } catch (error) {
        tried();
        const reason = error instanceof Error ? error.message : String(error);
        if (attempt >= attempts) {
          log(`[copydesk] edge purge (${target.name}) gave up after ${attempt} attempts: ${reason}; tags: ${tags.join(" ")}`);
          return;
        }
        const wait = backoffMs * 2 ** (attempt - 1);
        log(`[copydesk] edge purge (${target.name}) failed (${reason}); retrying in ${wait} ms`);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  /** Sends to every target; resolves when each has had its first attempt. */
  const send = (tags: string[]) =>
    Promise.all(
      targets.map(
        (target) =>
          new Promise<void>((tried) => {
            let once = false;
            track(deliver(target, tags, () => (once ? undefined : ((once = true), tried()))));
          }),
      ),
    ).then(() => undefined);

  return {
    purge(tags) {
      if (targets.length === 0) return Promise.resolve();
      if (!pending) {
        const batch = new Set<string>();
        const firstTry = new Promise<void>((resolve) =>
          setImmediate(() => {
            pending = null;
            const list = [...batch].map(edgeTag);
            void send(list).then(resolve);
            if (repeatAfterMs > 0) track(new Promise<void>((done) => setTimeout(() => void send(list).then(done), repeatAfterMs)));
          }),
        );
        track(firstTry);
        pending = { tags: batch, firstTry };
      }
      for (const tag of tags) pending.tags.add(tag);
      return pending.firstTry;
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}

const shared = globalThis as unknown as { __copydeskPurger?: Purger };

/**
 * Purges `tags` at every configured edge (after a commit). The promise settles when every edge
 * has had its first attempt, or after COPYDESK_PURGE_WAIT_MS (default 1000), whichever is first,
 * and never rejects: the writer waits that long at most, so that "Published" in the desk means
 * the edge has already dropped the old page; a failing edge is retried in the background.
 */
export function purgeEdge(tags: Iterable<string>): Promise<void> {
  if (!shared.__copydeskPurger) {
    let targets: PurgeTarget[] = [];
    try {
      targets = purgeTargets();
    } catch (error) {
      console.error(`[copydesk] edge purge is off: ${(error as Error).message}`);
    }
    shared.__copydeskPurger = createPurger({ targets, repeatAfterMs: Number(process.env.COPYDESK_PURGE_REPEAT_MS ?? 2000) });
  }
  const sent = shared.__copydeskPurger.purge(tags);
  const waitMs = Number(process.env.COPYDESK_PURGE_WAIT_MS ?? 1000);
  return Promise.race([sent, new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref())]);
}
