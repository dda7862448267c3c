// Next 16's request proxy, for two jobs:
//  - only visitors with a valid session reach /desk (every page and every data verb checks the
//    user again);
//  - an unpublished article's address answers 410 Gone (App Router pages can only say 404).
//  - a moved article's old address answers 308 to the live one (a redirect thrown by the cached
//    page carries its Location header twice on a fresh render in Next 16.4 — vercel/next.js#82117 —
//    which proxies merge into an invalid "/x, /x"; the page's own redirect is only the fallback).
//
// The session token is read without re-issuing it. Auth.js's own proxy wrapper re-sets the
// session cookie on every request, so a desk request still in flight while someone signs
// out (a prefetch, say) could put the cookie right back — signing them in again.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { documentPolicy, newNonce } from "./lib/security/headers.mjs";
import de from "./messages/de.json";
import en from "./messages/en.json";

const SECURE_COOKIE = "__Secure-authjs.session-token";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/desk" || pathname.startsWith("/desk/")) return guardDesk(request);
  if (isArticlePath(pathname)) {
    const known = await knownPaths(request);
    const path = decodeURI(pathname);
    if (known.gone.has(path)) return gone();
    const target = known.moved.get(path);
    if (target) return moved(request, target);
  }
  return NextResponse.next();
}

async function guardDesk(request: NextRequest) {
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie: request.cookies.has(SECURE_COOKIE) || request.cookies.has(`${SECURE_COOKIE}.0`),
  });
  if (token?.uid) return withNonce(request);
  const signIn = request.nextUrl.clone();
  signIn.pathname = "/signin";
  signIn.search = "";
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

/**
 * The desk is rendered for each request, so its script policy is a fresh nonce: Next reads it
 * from the request's policy header and puts it on every script it writes. (Reader pages are
 * cached for everyone; scripts/serve.mjs gives them a policy of their inline scripts' hashes.)
 */
function withNonce(request: NextRequest) {
  const policy = documentPolicy({
    scripts: [`'nonce-${newNonce()}'`],
    framing: "'none'",
    dev: process.env.NODE_ENV === "development", // React's dev build evaluates code
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Two-segment paths are articles (/{section}/{slug}) unless they belong to another route.
const NOT_ARTICLES = new Set(["_next", "api", "a", "p", "authors", "tags", "feeds", "sitemaps", "media", "desk", "search", "signin"]);
function isArticlePath(pathname: string): boolean {
  const parts = pathname.split("/");
  return parts.length === 3 && parts[1] !== "" && parts[2] !== "" && !NOT_ARTICLES.has(parts[1]);
}

/**
 * The unpublished addresses and the moved articles' old addresses, fetched from the app (the
 * proxy keeps no database connection of its own) and kept for a few seconds: an unpublish or a
 * move reaches every instance within GONE_TTL_MS; until then the address answers 404 (or the
 * page's own redirect), never the old article.
 */
const GONE_TTL_MS = 5000;
type KnownPaths = { gone: Set<string>; moved: Map<string, string> };
let cache: KnownPaths & { at: number } = { gone: new Set(), moved: new Map(), at: 0 };
let loading: Promise<void> | null = null;

async function knownPaths(request: NextRequest): Promise<KnownPaths> {
  if (Date.now() - cache.at > GONE_TTL_MS) {
    loading ??= fetch(new URL("/api/gone", request.nextUrl.origin), { cache: "no-store", signal: AbortSignal.timeout(2000) })
      .then(async (response) => {
        if (!response.ok) return;
        const body = (await response.json()) as { paths: string[]; moved?: Record<string, string> };
        cache = { gone: new Set(body.paths), moved: new Map(Object.entries(body.moved ?? {})), at: Date.now() };
      })
      .catch(() => undefined) // unknown for now: serve the page (which says 404 if it is not live)
      .finally(() => {
        loading = null;
      });
    // The first answer waits for the list; later ones use the previous list while it refreshes.
    if (cache.at === 0) await loading;
  }
  return cache;
}

/** 308 to the live address (query kept), cacheable for an hour only: the article may move back. */
function moved(request: NextRequest, target: string) {
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.redirect(url, { status: 308, headers: { "Cache-Control": "public, max-age=3600" } });
}

function gone() {
  const locale = process.env.COPYDESK_SITE_LANGUAGE === "en" ? "en" : "de";
  const t = (locale === "en" ? en : de).site;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.goneTitle}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><main><h1>${t.goneTitle}</h1><p>${t.goneText}</p><p><a href="/">${t.goneHome}</a></p></main></body></html>`;
  return new NextResponse(html, { status: 410, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

// Uploads and other routes stay out of the proxy altogether: a request through it has its body
// buffered (and cut at 10 MB), which would break image uploads.
export const config = {
  matcher: ["/desk", "/desk/:path*", "/:section((?!(?:api|_next|a|p|authors|tags|feeds|sitemaps|media|search|signin|comments)/)[^/.]+)/:slug"],
};
