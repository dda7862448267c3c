// The production server: Next's request handler behind a small front cache for readers.
//
// Next already keeps every reader page rendered (lib/cache/page-cache-handler.mjs), but even a
// cache hit walks its whole request pipeline (routing, the proxy, response assembly): about a
// millisecond a request on this project's 2-core machines. The front cache keeps the exact
// bytes of reader responses that Next answered from its cache, and sends them again without
// entering Next at all.
//
// It never decides freshness itself. It stores only what Next served as a cache HIT, and every
// expiry of any reader tag (a publish, a moderation, a scheduled article falling due, another
// instance's change) empties it: lib/cache/expire.ts and the cache handler bump a shared epoch.
// After that, requests go through Next again (which re-renders only what changed) until the
// front cache fills anew.
//
// Plain JavaScript, run by node directly (`npm start` → scripts/start.ts spawns it).
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";
import zlib from "node:zlib";
import { LRUCache } from "lru-cache";
import { EDGE_STATUSES, edgeCacheControl, edgeConfigured, edgeTagHeaders, scopeSawRoute, scopeTags, withTagScope } from "../lib/cache/edge.mjs";
import { reachability, store } from "../lib/cache/store.mjs";
import { routeCollabUpgrades } from "../lib/collab/upgrade.mjs";
import { ACTION_MAX_DEPTH, isJsonAction, jsonDepth, refuseOversizedAction, refuseTooDeep } from "../lib/http/body-limit.mjs";
import { refuseMethod } from "../lib/http/methods.mjs";
import { wantsPlainHtml, withoutFrameworkScripts } from "../lib/http/reader-html.mjs";
import { frontCacheKeyOf, isLivePoll, neverCached } from "../lib/http/routes.mjs";
import { stampClientAddress } from "../lib/http/request-address.mjs";
import { BASELINE_HEADERS, HSTS, RESOURCE_POLICY, documentPolicy, embedFrameSources, framingFor, inlineScriptHashes } from "../lib/security/headers.mjs";

// When whatever reads our log goes away (a supervisor's pipe, a test that ended), writing to it
// fails with EPIPE; Next reports that as an uncaught error — by writing to the same log. That
// loop held a core at 100 % for as long as the process lived. The log's reader is gone: drop it.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
}

// As `next start` does; before Next (and React) are loaded.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values: flags } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const hostname = flags.hostname ?? process.env.HOSTNAME;

const MAX_FRONT_BYTES = Number(process.env.COPYDESK_FRONT_CACHE_MB || 64) * 1024 * 1024;

/** Kept responses by key, least recently used dropped past COPYDESK_FRONT_CACHE_MB; `epoch`: the store's when filled. */
const front = { epoch: -1, entries: new LRUCache({ maxSize: MAX_FRONT_BYTES, sizeCalculation: (entry) => entry.size }) };

/** The front cache as of now: emptied whenever anything readers see has changed. */
function current() {
  const epoch = store().epoch;
  if (front.epoch !== epoch) {
    front.epoch = epoch;
    front.entries.clear();
  }
  return front;
}

function cacheKey(req) {
  if (req.method !== "GET") return null;
  const url = req.url ?? "/";
  // Pages and feeds readers fetch as documents; never the desk, APIs, uploads, search, the
  // comment form's answer or Next's own files (lib/http/routes.mjs).
  if (neverCached(url)) return null;
  // Client-side navigations ask for the RSC payload instead of HTML: leave those to Next.
  if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"] || url.includes("_rsc=")) return null;
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  return `${gzip ? "gz" : "id"} ${frontCacheKeyOf(url)}`;
}

/** Sends a stored response; a matching If-None-Match gets 304. */
function replay(req, res, entry) {
  if (entry.etag && req.headers["if-none-match"] === entry.etag) {
    res.writeHead(304, { etag: entry.etag, "cache-control": entry.headers["cache-control"] ?? "" });
    res.end();
    return;
  }
  res.writeHead(200, entry.headers);
  res.end(entry.body);
}

/**
 * Watches Next answer `req`; keeps the bytes when they came from its cache, unchanged since.
 * `settled` hears what was kept (null: nothing, or the reader left before the answer).
 */
function capture(res, key, epoch, livePoll, settled = () => {}) {
  const chunks = [];
  let done = false;
  const settle = (entry) => {
    if (done) return;
    done = true;
    settled(entry);
  };
  res.on("close", () => settle(null));
  // (Headers Next passes to writeHead are on `res` too: secure() sets them there.)
  const { write, end } = res;
  res.write = function (chunk, ...rest) {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    const result = end.call(this, chunk, ...rest);
    settle(keep());
    return result;
  };
  /** The entry kept, or null. */
  const keep = () => {
    const headers = { ...res.getHeaders() };
    // Pages Next answered from its cache; and live-blog polls, whose answer is the same until
    // reader tags next expire, which moves the epoch (checked below) just as for pages.
    const keepable = headers["x-nextjs-cache"] === "HIT" || livePoll;
    if (res.statusCode !== 200 || !keepable || headers["set-cookie"]) return null;
    const f = current();
    if (f.epoch !== epoch) return null; // something changed while Next was answering
    const gzip = key.startsWith("gz ");
    if ((headers["content-encoding"] === "gzip") !== gzip) return null;
    // What the reader got: secure() may have sent other bytes than Next wrote (a reader page
    // without Next's runtime), and its script policy is for those.
    const body = res[SENT_BODY] ?? Buffer.concat(chunks);
    delete headers["content-length"];
    delete headers["transfer-encoding"];
    delete headers["connection"];
    delete headers["keep-alive"];
    delete headers["date"];
    headers["content-length"] = String(body.length);
    // Per request, not per page: set again by secure() on every answer.
    delete headers["strict-transport-security"];
    // A page's time-based revalidation (s-maxage: the article page's view count, the safety net)
    // is honoured too: past it, Next is asked again and decides. (Next's own value, not the
    // longer one a purged edge is given.)
    const maxAge = /\bs-maxage=(\d+)/.exec(String(res[APP_CACHE_CONTROL] ?? headers["cache-control"] ?? ""));
    const freshUntil = maxAge ? Date.now() + Number(maxAge[1]) * 1000 : Infinity;
    const entry = { headers, body, etag: typeof headers.etag === "string" ? headers.etag : null, size: body.length + 512, freshUntil };
    // (Larger than the whole cache: not kept, but still what this request was answered.)
    f.entries.set(key, entry);
    return entry;
  };
}

/**
 * Live-blog polls asked while the same one is already on its way through Next: they wait for its
 * answer instead of each entering Next (key → the epoch it was asked in and who waits). The
 * moment a blog changes, every open page asks the same question at once (public/live.js is told
 * by the event stream); one of them reaches Next, the rest get its bytes.
 */
const collapsing = new Map();

/** Where secure() leaves the body it sent when it held an HTML page back (and perhaps changed it). */
const SENT_BODY = Symbol("sentBody");
/** Where secure() keeps the Cache-Control Next gave a response before the edge's replaced it. */
const APP_CACHE_CONTROL = Symbol("appCacheControl");
const EDGE = edgeConfigured();

/**
 * The edge's view of a reader response (lib/cache/edge.mjs): the cache tags it depends on
 * (noted while Next made it, or set by the route itself, as the proxy does for 410 and 308) in
 * Surrogate-Key and Cache-Tag, and — when an edge purged by tag is configured — a Cache-Control
 * that lets it keep the response until a purge.
 */
function tagForEdge(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  // Next answered this request with a render another request started (the same address asked
  // twice at once: a reader and a link's prefetch, two readers): its tags were noted over there.
  // Untagged, no purge could reach it, so a purged edge must not keep it — it would show the
  // old page for as long as it liked (Next's own header says a year of stale-while-revalidate).
  // The next request is answered from the page cache, with its tags.
  if (EDGE && res.getHeader("x-nextjs-cache") && !scopeSawRoute() && !res.getHeader("surrogate-key")) {
    res.setHeader("cache-control", "private, no-cache");
    return;
  }
  const tags = new Set(scopeTags());
  const own = res.getHeader("surrogate-key");
  if (own) for (const tag of String(own).split(/[\s,]+/)) if (tag) tags.add(tag);
  if (tags.size === 0 || !EDGE_STATUSES.has(res.statusCode)) return;
  const cacheControl = String(res.getHeader("cache-control") ?? "");
  if (/\b(?:private|no-store)\b/.test(cacheControl) || res.getHeader("set-cookie")) return;
  for (const [name, value] of Object.entries(edgeTagHeaders(tags))) res.setHeader(name, value);
  if (EDGE) {
    res[APP_CACHE_CONTROL] ??= cacheControl;
    res.setHeader("cache-control", edgeCacheControl(cacheControl));
  }
}

// HSTS only where the site is served over HTTPS (configured, or the TLS-terminating proxy says so).
const HTTPS_SITE = /^https:/i.test(process.env.COPYDESK_SITE_URL || process.env.AUTH_URL || "");

/**
 * Security headers on every response Next sends (lib/security/headers.mjs). An HTML page that
 * has no script policy yet (all but the desk, whose proxy sets a nonce) is held back until it is
 * complete, so that its policy can allow exactly the inline scripts it contains, by hash. Reader
 * pages are small and come from the page cache; the front cache then keeps the finished headers.
 */
function secure(req, res) {
  for (const [name, value] of Object.entries(BASELINE_HEADERS)) res.setHeader(name, value);
  if (HTTPS_SITE || req.socket.encrypted || req.headers["x-forwarded-proto"] === "https") res.setHeader("strict-transport-security", HSTS);
  const { writeHead, write, end, flushHeaders } = res;
  let mode = null;
  const held = [];
  const decide = () => {
    if (mode) return mode;
    // Next 16.4 sends a cached page's redirect with its Location twice on a fresh render
    // (vercel/next.js#82117); proxies in front merge that into an invalid "/x, /x".
    const location = res.getHeader("location");
    if (Array.isArray(location)) res.setHeader("location", [...new Set(location)].length === 1 ? location[0] : location);
    // A page that failed while the database is away (db/reader-cache.ts watches it) is an
    // outage, not a bug: 503 and when to come back (Next can only say 500).
    if (res.statusCode === 500 && !reachability().reachable) {
      res.statusCode = 503;
      res.setHeader("retry-after", "30");
      res.setHeader("cache-control", "no-store");
    }
    tagForEdge(req, res);
    const type = String(res.getHeader("content-type") ?? "");
    const policy = String(res.getHeader("content-security-policy") ?? "");
    // A 304 must not carry a policy: it would replace the cached page's own.
    if (res.statusCode === 304 || res.statusCode === 204) mode = "pass";
    else if (!type.startsWith("text/html")) {
      if (!policy) res.setHeader("content-security-policy", RESOURCE_POLICY);
      mode = "pass";
    } else mode = /\bscript-src\b/.test(policy) ? "pass" : "hold";
    return mode;
  };
  res.writeHead = function (status, ...rest) {
    res.statusCode = status;
    if (typeof rest[0] === "string") res.statusMessage = rest.shift();
    const headers = rest[0];
    if (Array.isArray(headers)) {
      const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((_, i) => (i % 2 ? [] : [[headers[i], headers[i + 1]]]));
      for (const [name, value] of pairs) res.setHeader(name, value);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    }
    if (decide() === "pass") writeHead.call(this, res.statusCode);
    return this;
  };
  res.flushHeaders = function () {
    if (decide() === "pass") flushHeaders.call(this);
  };
  res.write = function (chunk, ...rest) {
    if (decide() === "pass") return write.call(this, chunk, ...rest);
    if (chunk) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    const callback = rest.find((r) => typeof r === "function");
    if (callback) process.nextTick(callback);
    return true;
  };
  res.end = function (chunk, ...rest) {
    if (typeof chunk === "function") {
      rest.unshift(chunk);
      chunk = undefined;
    }
    if (decide() === "pass") return end.call(this, chunk, ...rest);
    if (chunk) held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    const encoding = res.getHeader("content-encoding");
    const callback = rest.find((r) => typeof r === "function");
    const html = decoded(Buffer.concat(held), encoding);
    const send = (page) => {
      let body = page === html ? Buffer.concat(held) : encoded(page, encoding);
      if (res.statusCode === 503) {
        // Next's error page is drawn by the browser's JavaScript: say it without, too.
        page = page.replace(/<body[^>]*>/i, (tag) => tag + outageNotice());
        body = encoded(page, encoding);
      } else if ((res.statusCode === 200 || res.statusCode === 404) && wantsPlainHtml(page)) {
        // A reader page: sent without Next's runtime (lib/http/reader-html.mjs). Error pages keep
        // it — Next draws them in the browser.
        page = withoutFrameworkScripts(page);
        body = encoded(page, encoding);
      }
      res[SENT_BODY] = body;
      const scripts = inlineScriptHashes(page);
      res.setHeader("content-security-policy", documentPolicy({ scripts, framing: framingFor(req.url ?? "/"), frames: embedFrameSources(page) }));
      res.removeHeader("transfer-encoding");
      if (req.method !== "HEAD") res.setHeader("content-length", body.length);
      writeHead.call(res, res.statusCode);
      end.call(res, body, callback);
    };
    // A missing article: Next answers its notFound() with an empty shell that only its runtime
    // fills in (vercel/next.js#95613) — a blank page without JavaScript. Send the site's 404
    // page instead, as Next renders it for an address no route matches.
    if (res.statusCode === 404 && NEXT_ERROR_SHELL.test(html) && !req.headers[INTERNAL]) {
      siteNotFoundPage().then(send, () => send(html));
      return this;
    }
    send(html);
    return this;
  };
}

const NEXT_ERROR_SHELL = /^<!DOCTYPE html><html id="__next_error__"/i;
/** Marks this server's own request for the 404 page (and keeps it from asking itself again). */
const INTERNAL = "x-copydesk-internal";
let notFoundPage = null;

/** The site's 404 document (app/global-not-found.tsx), fetched from this server once. */
function siteNotFoundPage() {
  if (notFoundPage) return notFoundPage;
  notFoundPage = new Promise((resolve, reject) => {
    const request = http.get(
      { host: !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname, port, path: "/_copydesk/no-such/page", headers: { [INTERNAL]: "1", "accept-encoding": "identity" } },
      (answer) => {
        const parts = [];
        answer.on("data", (part) => parts.push(part));
        answer.on("end", () => {
          const page = Buffer.concat(parts).toString("utf8");
          if (answer.statusCode === 404 && !NEXT_ERROR_SHELL.test(page)) resolve(page);
          else reject(new Error(`the 404 page answered ${answer.statusCode}`));
        });
        answer.on("error", reject);
      },
    );
    request.on("error", reject);
    request.setTimeout(10_000, () => request.destroy(new Error("the 404 page took too long")));
  });
  notFoundPage.catch(() => {
    notFoundPage = null; // try again next time
  });
  return notFoundPage;
}

/** The outage notice for readers without JavaScript, in the site's language (messages/*.json). */
let notice = null;
function outageNotice() {
  if (notice === null) {
    const locale = process.env.COPYDESK_SITE_LANGUAGE === "en" ? "en" : "de";
    const t = JSON.parse(fs.readFileSync(new URL(`../messages/${locale}.json`, import.meta.url), "utf8")).site;
    const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    notice = `<noscript><main style="max-width:40rem;margin:4rem auto;padding:0 1rem;font-family:system-ui,sans-serif"><h1>${escape(t.unavailableTitle)}</h1><p>${escape(t.unavailableText)}</p><p><a href="/">${escape(t.goneHome)}</a></p></main></noscript>`;
  }
  return notice;
}

function encoded(text, encoding) {
  switch (String(encoding ?? "").toLowerCase()) {
    case "gzip":
      return zlib.gzipSync(text);
    case "br":
      return zlib.brotliCompressSync(text);
    case "deflate":
      return zlib.deflateSync(text);
    default:
      return Buffer.from(text, "utf8");
  }
}

function decoded(body, encoding) {
  if (!body.length) return "";
  switch (String(encoding ?? "").toLowerCase()) {
    case "gzip":
      return zlib.gunzipSync(body).toString("utf8");
    case "br":
      return zlib.brotliDecompressSync(body).toString("utf8");
    case "deflate":
      return zlib.inflateSync(body).toString("utf8");
    default:
      return body.toString("utf8");
  }
}

const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => withTagScope(() => serve(req, res)));

function serve(req, res) {
  stampClientAddress(req); // who is asking, from the connection and COPYDESK_TRUSTED_PROXIES only
  secure(req, res);
  if (refuseMethod(req, res)) return; // TRACE, PUT, DELETE …: 405
  if (refuseOversizedAction(req, res)) return; // a server action past the body limit: 413, not Next's 500
  if (isJsonAction(req)) {
    // Read first (at most the body limit, checked above), refuse an absurd nesting that would
    // overflow React's decoder, then hand Next the same bytes.
    readWhole(req)
      .then((body) => {
        if (jsonDepth(body.toString("utf8")) > ACTION_MAX_DEPTH) return refuseTooDeep(req, res);
        return handle(replayed(req, body), res);
      })
      .catch((error) => {
        console.error("[copydesk] request failed:", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
        res.end("Internal Server Error");
      });
    return;
  }
  const key = cacheKey(req);
  if (key) {
    const f = current();
    const entry = f.entries.get(key);
    if (entry && entry.freshUntil <= Date.now()) f.entries.delete(key);
    else if (entry) {
      replay(req, res, entry);
      return;
    }
    const livePoll = isLivePoll(req.url ?? "/");
    if (livePoll) {
      const queue = collapsing.get(key);
      if (queue && queue.epoch === f.epoch) {
        // Its answer, or (none kept: an error, a change meanwhile) its own way through Next.
        queue.waiters.push((entry) => (entry ? replay(req, res, entry) : toNext(req, res, key, livePoll)));
        return;
      }
      const mine = { epoch: f.epoch, waiters: [] };
      collapsing.set(key, mine);
      return toNext(req, res, key, livePoll, (entry) => {
        if (collapsing.get(key) === mine) collapsing.delete(key);
        for (const wake of mine.waiters) wake(entry);
      });
    }
    return toNext(req, res, key, livePoll);
  }
  toNext(req, res, null);
}

/** Next answers; with a cache key, what it answers may be kept (capture). */
function toNext(req, res, key, livePoll = false, settled) {
  if (key) capture(res, key, current().epoch, livePoll, settled);
  handle(req, res).catch((error) => {
    console.error("[copydesk] request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
}
/** A request's whole body. */
function readWhole(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The same request with its body already read: a fresh message that yields `body`. */
function replayed(req, body) {
  const copy = new http.IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

server.keepAliveTimeout = 65_000;
// Co-editing WebSockets (/api/collab), past every listener (Next adds one); nothing else is upgraded.
routeCollabUpgrades(server);
server.on("upgrade", (req, socket) => socket.destroy());
server.listen(port, hostname, () => {
  console.log(`▲ Copydesk ready on http://${hostname ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
