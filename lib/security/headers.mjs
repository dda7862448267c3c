// Copydesk's security headers, in one place for the three that send them: the production server
// (scripts/serve.mjs: every response, and a hash-based script policy for each HTML page), the
// proxy (a per-request nonce for the desk) and next.config.js (`npm run dev`).
//
// Why two kinds of script policy: reader pages are rendered once and served from memory to
// everyone (lib/cache/), so they cannot carry a per-request nonce. Instead the server hashes the
// inline scripts of the exact HTML it sends and allows those, and nothing else inline. The desk
// is rendered for each request anyway, so it gets Next's own nonce support.
// Plain JavaScript: scripts/serve.mjs runs under node without a compiler.
import crypto from "node:crypto";
import { EMBED_FRAME_ORIGINS, embedFrameOrigin } from "../content/embed-origins.mjs";

/** Sent with every response. */
export const BASELINE_HEADERS = Object.freeze({
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "cross-origin-opener-policy": "same-origin",
});

/** Two years, as browsers' preload lists ask; only ever sent over HTTPS. */
export const HSTS = "max-age=63072000; includeSubDomains";

/** For everything that is not a document (JSON, feeds, images, scripts): it may load nothing. */
export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The newsroom and its sign-in must never be framed (clickjacking a publish button). */
export function framingFor(pathname) {
  return /^\/(?:desk|signin)(?:[/?]|$)/.test(pathname) ? "'none'" : "'self'";
}

/**
 * The policy of an HTML document. `scripts`: the sources allowed to run besides the site's own
 * files — the hashes of a page's inline scripts, or a nonce. Never 'unsafe-inline' for scripts;
 * styles keep it (the editor and React set style attributes). `frames`: the embed providers'
 * origins this page may frame once the reader agrees (embedFrameSources); none by default.
 */
export function documentPolicy({ scripts, framing, frames = [], dev = false }) {
  return [
    "default-src 'self'",
    ...(frames.length ? [["frame-src 'self'", ...frames].join(" ")] : []),
    ["script-src 'self'", ...scripts, ...(dev ? ["'unsafe-eval'"] : [])].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framing}`,
  ].join("; ");
}

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** CSP sources ('sha256-…') for every inline script of `html`, each once, in document order. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes, text] of html.matchAll(SCRIPT)) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.add(`'sha256-${crypto.createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

const EMBED = /<figure\b[^>]*\bdata-embed-src="([^"]*)"/gi;
/** The first page of a running live blog, which public/live.js keeps up to date (components/article/LiveBlog.tsx). */
const RUNNING_LIVE_BLOG = /<section\b[^>]*\bdata-live="\/api\/live\/\d+"/i;

/**
 * The origins of the embeds in `html` (the sanitized body keeps data-embed-src only for known
 * providers' frames, and this checks again): exactly what the page's frame-src must allow.
 * A running live blog's page is the exception: its policy is fixed when it loads, and an entry
 * with any provider's embed may arrive while a reader has it open, so it allows every known
 * provider's frame. Nothing is requested from them until the reader agrees (public/embed-consent.js).
 */
export function embedFrameSources(html) {
  if (RUNNING_LIVE_BLOG.test(html)) return [...EMBED_FRAME_ORIGINS];
  const origins = new Set();
  for (const [, src] of html.matchAll(EMBED)) {
    const origin = embedFrameOrigin(src.replace(/&amp;/g, "&"));
    if (origin) origins.add(origin);
  }
  return [...origins];
}

/** A fresh nonce for one desk request. */
export function newNonce() {
  return crypto.randomBytes(16).toString("base64");
}
