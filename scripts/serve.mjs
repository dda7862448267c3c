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
import { reachability, store } from "../lib/cache/store.mjs";
import { BASELINE_HEADERS, HSTS, RESOURCE_POLICY, documentPolicy, framingFor, inlineScriptHashes } from "../lib/security/headers.mjs";

// As `next start` does; before Next (and React) are loaded.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const { values: flags } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(flags.port ?? process.env.PORT ?? 3000);
const hostname = flags.hostname ?? process.env.HOSTNAME;

const MAX_FRONT_BYTES = Number(process.env.COPYDESK_FRONT_CACHE_MB || 64) * 1024 * 1024;

const front = { epoch: -1, entries: new Map(), bytes: 0 };

/** The front cache as of now: emptied whenever anything readers see has changed. */
function current() {
  const epoch = store().epoch;
  if (front.epoch !== epoch) {
    front.epoch = epoch;
    front.entries.clear();
    front.bytes = 0;
  }
  return front;
}

// Pages and feeds readers fetch as documents. Not: the desk, sign-in, APIs, uploads, search,
// the comment form's answer (all per request), Next's own assets (already immutable files).
const NEVER = /^\/(?:desk|signin|api|_next|media|search|comments|a)(?:[/?]|$)/;

function cacheKey(req) {
  if (req.method !== "GET") return null;
  const url = req.url ?? "/";
  if (NEVER.test(url)) return null;
  // Client-side navigations ask for the RSC payload instead of HTML: leave those to Next.
  if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-router-prefetch"] || url.includes("_rsc=")) return null;
  const gzip = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
  return `${gzip ? "gz" : "id"} ${url}`;
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

/** Watches Next answer `req`; keeps the bytes when they came from its cache, unchanged since. */
function capture(res, key, epoch) {
  const chunks = [];
  // (Headers Next passes to writeHead are on `res` too: secure() sets them there.)
  const { write, end } = res;
  res.write = function (chunk, ...rest) {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    return write.call(this, chunk, ...rest);
  };
  res.end = function (chunk, ...rest) {
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof rest[0] === "string" ? rest[0] : "utf8"));
    const result = end.call(this, chunk, ...rest);
    keep();
    return result;
  };
  const keep = () => {
    const headers = { ...res.getHeaders() };
    if (res.statusCode !== 200 || headers["x-nextjs-cache"] !== "HIT" || headers["set-cookie"]) return;
    const f = current();
    if (f.epoch !== epoch) return; // something changed while Next was answering
    const gzip = key.startsWith("gz ");
    if ((headers["content-encoding"] === "gzip") !== gzip) return;
    const body = Buffer.concat(chunks);
    delete headers["content-length"];
    delete headers["transfer-encoding"];
    delete headers["connection"];
    delete headers["keep-alive"];
    delete headers["date"];
    headers["content-length"] = String(body.length);
    // A page's time-based revalidation (s-maxage: the article page's view count, the safety net)
    // is honoured too: past it, Next is asked again and decides.
    const maxAge = /\bs-maxage=(\d+)/.exec(String(headers["cache-control"] ?? ""));
    const freshUntil = maxAge ? Date.now() + Number(maxAge[1]) * 1000 : Infinity;
    const entry = { headers, body, etag: typeof headers.etag === "string" ? headers.etag : null, size: body.length + 512, freshUntil };
    const old = f.entries.get(key);
    if (old) f.bytes -= old.size;
    f.entries.set(key, entry);
    f.bytes += entry.size;
    for (const [oldest, e] of f.entries) {
      if (f.bytes <= MAX_FRONT_BYTES) break;
      f.entries.delete(oldest);
      f.bytes -= e.size;
    }
  };
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
    let body = Buffer.concat(held);
    let html = decoded(body, encoding);
    if (res.statusCode === 503) {
      // Next's error page is drawn by the browser's JavaScript: say it without, too.
      html = html.replace(/<body[^>]*>/i, (tag) => tag + outageNotice());
      body = encoded(html, encoding);
    }
    const scripts = inlineScriptHashes(html);
    res.setHeader("content-security-policy", documentPolicy({ scripts, framing: framingFor(req.url ?? "/") }));
    res.removeHeader("transfer-encoding");
    if (req.method !== "HEAD") res.setHeader("content-length", body.length);
    writeHead.call(this, res.statusCode);
    return end.call(this, body, rest.find((r) => typeof r === "function"));
  };
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

const server = http.createServer((req, res) => {
  secure(req, res);
  const key = cacheKey(req);
  if (key) {
    const f = current();
    const entry = f.entries.get(key);
    if (entry && entry.freshUntil <= Date.now()) {
      f.entries.delete(key);
      f.bytes -= entry.size;
    } else if (entry) {
      // Most recently used last.
      f.entries.delete(key);
      f.entries.set(key, entry);
      replay(req, res, entry);
      return;
    }
    capture(res, key, f.epoch);
  }
  handle(req, res).catch((error) => {
    console.error("[copydesk] request failed:", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal Server Error");
  });
});
server.keepAliveTimeout = 65_000;
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
