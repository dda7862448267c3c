import { fileURLToPath } from "node:url";
import createNextIntlPlugin from "next-intl/plugin";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/body-limit.mjs";
import { BASELINE_HEADERS } from "./lib/security/headers.mjs";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Headers every response carries (also under `npm run dev`). The Content-Security-Policy comes
// from scripts/serve.mjs (hashes of each page's inline scripts) and the proxy (the desk's nonce):
// see lib/security/headers.mjs.
const securityHeaders = Object.entries(BASELINE_HEADERS).map(([key, value]) => ({ key, value }));

// The newsroom must never be framed (clickjacking a publish button): its policy says
// frame-ancestors 'none'; X-Frame-Options is for browsers that predate it.
const deskHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cache-Control", value: "private, no-store" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files at run time; bundling it breaks that.
  // The co-editing server (instrumentation.ts) runs Hocuspocus and ws from node_modules, and every
  // server-side user of Yjs must share one copy of it (its types are checked with instanceof).
  // Not @tiptap/y-tiptap: it must be bundled with the same prosemirror-model as @tiptap/core's
  // schema (lib/content/body.ts), or converting a body fails with "Can not convert … to a Fragment
  // (looks like multiple versions of prosemirror-model were loaded)"; its yjs stays the external one.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "@hocuspocus/server", "@hocuspocus/extension-redis", "ws", "yjs", "y-protocols", "lib0"],
  poweredByHeader: false,
  // `.ci/run` checks the types of the whole project (`npm run typecheck`) before the tests build
  // it, and says so with COPYDESK_TYPES_CHECKED=1: the build need not check them a second time
  // (half a minute of a 2-core machine). Every other build checks them.
  typescript: { ignoreBuildErrors: process.env.COPYDESK_TYPES_CHECKED === "1" },
  // Reader pages are cached in memory and expired by tag, also from outside a request
  // (another instance's change, a scheduled article falling due): see lib/cache/.
  cacheHandler: fileURLToPath(new URL("./lib/cache/page-cache-handler.mjs", import.meta.url)),
  cacheMaxMemorySize: 0, // the handler is the memory cache
  // The front page is page 1 of the front-page list, so it is cached like every other list.
  async rewrites() {
    return { beforeFiles: [{ source: "/", destination: "/p/1" }], afterFiles: [], fallback: [] };
  },
  // app/global-not-found.tsx: an accessible 404 for addresses no route matches (two root layouts).
  // Server actions up to the size the validators answer with a field message (lib/http/body-limit.mjs).
  experimental: { globalNotFound: true, serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  // Tests and the start script may use another build folder so they never fight over .next.
  distDir: process.env.COPYDESK_DIST_DIR || ".next",
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/desk/:path*", headers: deskHeaders },
      { source: "/desk", headers: deskHeaders },
      { source: "/signin", headers: deskHeaders },
    ];
  },
};

export default withNextIntl(nextConfig);
