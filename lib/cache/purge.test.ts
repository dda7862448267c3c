// The purge adapter against real HTTP endpoints on this machine: stand-ins for Fastly's and
// Cloudflare's purge-by-tag APIs that check what their documentation asks for (method, path,
// authentication header, JSON body, batch limits), and one that fails before it succeeds.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { edgeCacheControl, edgeTag, edgeTagHeaders } from "./edge.mjs";
import { cloudflareTarget, createPurger, fastlyTarget, purgeTargets, varnishTarget } from "./purge";

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A local HTTP server recording each request; `answer` decides the response. */
async function endpoint(answer: (seen: Seen, index: number) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      seen.push(request);
      const { status, body: out } = answer(request, seen.length - 1);
      res.writeHead(status, { "content-type": "application/json" });
      res.end(out === undefined ? "" : JSON.stringify(out));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { seen, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const quiet = () => {
  const lines: string[] = [];
  return { lines, log: (line: string) => lines.push(line) };
};

describe("edge tag headers", () => {
  it("names the tags in Surrogate-Key (spaces) and Cache-Tag (commas), encoding what would split them", () => {
    const headers = edgeTagHeaders(["r:all", "r:article:kultur/fährhaus", "r:list:tag:a,b"]);
    expect(headers["surrogate-key"]).toBe("r:all r:article:kultur/f%C3%A4hrhaus r:list:tag:a%2Cb");
    expect(headers["cache-tag"]).toBe("r:all,r:article:kultur/f%C3%A4hrhaus,r:list:tag:a%2Cb");
    // Encoding twice changes nothing: a tag read back from a header stays the same tag.
    expect(edgeTag(edgeTag("r:article:kultur/fährhaus"))).toBe(edgeTag("r:article:kultur/fährhaus"));
  });

  it("lets a purged edge keep a page a day, stale while it refetches and while the app is down", () => {
    expect(edgeCacheControl("s-maxage=60, stale-while-revalidate=31535940", {})).toBe(
      "public, max-age=0, s-maxage=86400, stale-while-revalidate=60, stale-if-error=86400",
    );
    expect(edgeCacheControl("public, max-age=3600", { COPYDESK_EDGE_TTL_SECONDS: "600" })).toBe(
      "public, max-age=3600, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400",
    );
  });
});

describe("purge adapter", () => {
  it("purges Fastly by surrogate keys: POST /service/{id}/purge, Fastly-Key, at most 256 keys a request", async () => {
    const fastly = await endpoint(() => ({ status: 200, body: { status: "ok" } }));
    const tags = Array.from({ length: 300 }, (_, i) => `r:list:tag:t${i}`);
    const purger = createPurger({ targets: [fastlyTarget({ service: "SU1Z0isxPaozGVKXdv0eY", token: "tok-123", soft: true, api: fastly.url })], repeatAfterMs: 0 });
    void purger.purge(tags);
    await purger.idle();
    expect(fastly.seen).toHaveLength(2);
    for (const request of fastly.seen) {
      expect(request.method).toBe("POST");
      expect(request.url).toBe("/service/SU1Z0isxPaozGVKXdv0eY/purge");
      expect(request.headers["fastly-key"]).toBe("tok-123");
      expect(request.headers["fastly-soft-purge"]).toBe("1");
      expect(request.headers["content-type"]).toBe("application/json");
    }
    const sent = fastly.seen.map((r) => (JSON.parse(r.body) as { surrogate_keys: string[] }).surrogate_keys);
    expect(sent.map((keys) => keys.length)).toEqual([256, 44]);
    expect(sent.flat()).toEqual(tags);
  });

  it("purges Cloudflare by cache tags: POST /zones/{zone}/purge_cache, Bearer token, at most 30 tags, success checked", async () => {
    const cloudflare = await endpoint(() => ({ status: 200, body: { success: true, errors: [], messages: [], result: { id: "abc" } } }));
    const tags = Array.from({ length: 31 }, (_, i) => `r:list:author:a${i}`);
    const purger = createPurger({ targets: [cloudflareTarget({ zone: "023e105f4ecef8ad9ca31a8372d0c353", token: "cf-token", api: `${cloudflare.url}/client/v4` })], repeatAfterMs: 0 });
    void purger.purge(tags);
    await purger.idle();
    expect(cloudflare.seen.map((r) => [r.method, r.url, r.headers.authorization])).toEqual([
      ["POST", "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache", "Bearer cf-token"],
      ["POST", "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache", "Bearer cf-token"],
    ]);
    expect(cloudflare.seen.map((r) => (JSON.parse(r.body) as { tags: string[] }).tags.length)).toEqual([30, 1]);
  });

  it("sends to several edges at once, retries a failing one with backoff and logs it, and one edge down holds up no other", async () => {
    const flaky = await endpoint((_, i) => (i < 2 ? { status: 503, body: { msg: "busy" } } : { status: 200, body: {} }));
    const down = await endpoint(() => ({ status: 500, body: { success: false, errors: [{ message: "zone locked" }] } }));
    const healthy = await endpoint(() => ({ status: 200, body: { success: true } }));
    const { lines, log } = quiet();
    const purger = createPurger({
      targets: [
        varnishTarget(flaky.url),
        cloudflareTarget({ zone: "z", token: "t", api: down.url }),
        cloudflareTarget({ zone: "z", token: "t", api: healthy.url }),
      ],
      attempts: 3,
      backoffMs: 20,
      repeatAfterMs: 0,
      log,
    });
    void purger.purge(["r:article:kultur/a"]);
    // Same turn: one batch. Its promise settles once every edge had a first try (a writer may wait for that).
    await purger.purge(["r:list:home"]);
    expect([flaky.seen.length, down.seen.length, healthy.seen.length]).toEqual([1, 1, 1]);
    await purger.idle();
    expect(flaky.seen.map((r) => [r.method, r.headers["xkey-purge"]])).toEqual(Array(3).fill(["PURGE", "r:article:kultur/a r:list:home"]));
    expect(healthy.seen).toHaveLength(1);
    expect(down.seen).toHaveLength(3);
    expect(lines.filter((l) => l.includes("retrying"))).toHaveLength(4);
    expect(lines.find((l) => l.includes("gave up"))).toMatch(/cloudflare.*gave up after 3 attempts: Cloudflare answered 500.*zone locked.*r:article:kultur\/a r:list:home/);
  });

  it("never blocks the caller: purge() returns before any request is made", async () => {
    const slow = await endpoint(() => ({ status: 200 }));
    const purger = createPurger({ targets: [varnishTarget(slow.url)], repeatAfterMs: 0 });
    void purger.purge(["r:all"]);
    expect(slow.seen).toHaveLength(0);
    await purger.idle();
    expect(slow.seen).toHaveLength(1);
  });

  it("purges again after a settling delay, for a copy fetched from an instance that had not heard yet", async () => {
    const varnish = await endpoint(() => ({ status: 200 }));
    const purger = createPurger({ targets: [varnishTarget(varnish.url)], repeatAfterMs: 50 });
    void purger.purge(["r:list:home"]);
    await purger.idle();
    expect(varnish.seen.map((r) => r.headers["xkey-purge"])).toEqual(["r:list:home", "r:list:home"]);
  });

  it("reads its edges from the environment and says which setting is missing", () => {
    expect(purgeTargets({}).map((t) => t.name)).toEqual([]);
    const env = {
      COPYDESK_PURGE_VARNISH: "http://10.0.0.5:6081, http://10.0.0.6:6081",
      COPYDESK_PURGE_FASTLY_SERVICE: "svc",
      COPYDESK_PURGE_FASTLY_TOKEN: "tok",
      COPYDESK_PURGE_CLOUDFLARE_ZONE: "zone",
      COPYDESK_PURGE_CLOUDFLARE_TOKEN: "tok",
    };
    expect(purgeTargets(env).map((t) => t.name)).toEqual(["varnish 10.0.0.5:6081", "varnish 10.0.0.6:6081", "fastly", "cloudflare"]);
    expect(() => purgeTargets({ COPYDESK_PURGE_CLOUDFLARE_ZONE: "zone" })).toThrow(/COPYDESK_PURGE_CLOUDFLARE_TOKEN/);
  });
});
