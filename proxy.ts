// Next 16's request proxy, for two jobs:
//  - only visitors with a valid session reach /desk (every page and every data verb checks the
//    user again);
//  - an unpublished article's address answers 410 Gone (App Router pages can only say 404),
//  - a moved article's old address answers 308 to the live one (a redirect thrown by the cached
//    page carries its Location header twice on a fresh render in Next 16.4 — vercel/next.js#82117 —
//    which proxies merge into an invalid "/x, /x"; the page's own redirect is only the fallback).
//
// The session token is read without re-issuing it. Auth.js's own proxy wrapper re-sets the
// session cookie on every request, so a desk request still in flight while someone signs
// out (a prefetch, say) could put the cookie right back — signing them in again.
import { LRUCache } from "lru-cache";
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { edgeTagHeaders } from "./lib/cache/edge.mjs";
import { store } from "./lib/cache/store.mjs";
import { readerTags } from "./lib/cache/tags";
import { EMBED_FRAME_ORIGINS } from "./lib/content/embed-origins.mjs";
import { articleAddress } from "./lib/http/routes.mjs";
import { documentPolicy, newNonce } from "./lib/security/headers.mjs";
import de from "./messages/de.json";
import en from "./messages/en.json";

const SECURE_COOKIE = "__Secure-authjs.session-token";
const ENROL_PATH = "/desk/profile";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/desk" || pathname.startsWith("/desk/")) return guardDesk(request);
  const address = articleAddress(pathname);
  if (address) {
    // A live blog's older page (/p/n) follows its article: gone with it, moved with it.
    const path = decodeURI(address.article);
    const answer = await lookUp(request, path);
    if (answer.gone) return gone(path);
    if (answer.movedTo) return moved(request, path, answer.movedTo + address.rest);
  }
  return NextResponse.next();
}

async function guardDesk(request: NextRequest) {
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie: request.cookies.has(SECURE_COOKIE) || request.cookies.has(`${SECURE_COOKIE}.0`),
  });
  // Signed in without the second factor their role requires: the profile (where it is set up)
  // is the only desk page. The data layer refuses every other action anyway (lib/permissions.ts).
  if (token?.uid && token.enrol && request.nextUrl.pathname !== ENROL_PATH) {
    const enrol = request.nextUrl.clone();
    enrol.pathname = ENROL_PATH;
    enrol.search = "";
    return NextResponse.redirect(enrol);
  }
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
const PREVIEW = /^\/desk\/articles\/\d+\/preview\/?$/;

function withNonce(request: NextRequest) {
  const policy = documentPolicy({
    scripts: [`'nonce-${newNonce()}'`],
    framing: "'none'",
    // The preview shows embeds as readers get them: a frame after the click, from any provider
    // Copydesk knows (the proxy runs before the page exists, so it cannot list just the page's).
    frames: PREVIEW.test(request.nextUrl.pathname) ? [...EMBED_FRAME_ORIGINS] : [],
    dev: process.env.NODE_ENV === "development", // React's dev build evaluates code
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/**
 * What an article address that is not live answers, asked of the app (the proxy keeps no
 * database connection of its own) over loopback, one address at a time. Answers are kept until
 * anything readers see changes (the page cache's epoch moves with every expired tag, from this
 * instance's commits, other instances' NOTIFYs and the scheduled-article ticker), so the first
 * request after an unpublish already gets its 410 — never a 404 first.
 */
type Known = { gone?: boolean; movedTo?: string };
const known = { epoch: -1, answers: new LRUCache<string, Known>({ max: 10_000 }) };

function appOrigin(request: NextRequest): string {
  // Not the request's own origin: behind an edge that is the public site.
  const port = process.env.PORT;
  return port ? `http://${process.env.HOSTNAME || "127.0.0.1"}:${port}` : request.nextUrl.origin;
}

async function lookUp(request: NextRequest, path: string): Promise<Known> {
  const epoch = store().epoch;
  if (known.epoch !== epoch) {
    known.epoch = epoch;
    known.answers.clear();
  }
  const kept = known.answers.get(path);
  if (kept) return kept;
  try {
    const url = new URL("/api/gone", appOrigin(request));
    url.searchParams.set("path", path);
    const response = await fetch(url, { cache: "no-store", signal: AbortSignal.timeout(2000) });
    if (!response.ok) return {};
    const answer = (await response.json()) as Known;
    if (store().epoch === epoch) known.answers.set(path, answer);
    return answer;
  } catch {
    return {}; // unknown for now: serve the page (which says 404 if it is not live)
  }
}

/** The edge cache tags of an article address's 410 or 308: a publish or move there purges it. */
function addressTags(path: string): Record<string, string> {
  const [, sectionSlug, slug] = path.split("/");
  return edgeTagHeaders([readerTags.article(sectionSlug, slug)]);
}

/** 308 to the live address (query kept), cacheable for an hour only: the article may move back. */
function moved(request: NextRequest, path: string, target: string) {
  const url = request.nextUrl.clone();
  url.pathname = target;
  return NextResponse.redirect(url, { status: 308, headers: { "Cache-Control": "public, max-age=3600", ...addressTags(path) } });
}

/** 410; browsers and shared caches that are not purged ask again every time (it may be republished). */
function gone(path: string) {
  const locale = process.env.COPYDESK_SITE_LANGUAGE === "en" ? "en" : "de";
  const t = (locale === "en" ? en : de).site;
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.goneTitle}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem"><main><h1>${t.goneTitle}</h1><p>${t.goneText}</p><p><a href="/">${t.goneHome}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 410,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, must-revalidate", ...addressTags(path) },
  });
}

// Uploads and other routes stay out of the proxy altogether: a request through it has its body
// buffered (and cut at 10 MB), which would break image uploads. The last two patterns are
// `articleMatchers()` of lib/http/routes.mjs written out (Next reads the matcher without running
// this file); lib/http/routes.test.ts fails when they differ.
export const config = {
  matcher: [
    "/desk",
    "/desk/:path*",
    "/:section((?!(?:desk|signin|api|_next|media|a|search|comments|p|authors|tags|feeds|sitemaps|impressum|datenschutz|community-standards|external-content)/)[^/.]+)/:slug",
    "/:section((?!(?:desk|signin|api|_next|media|a|search|comments|p|authors|tags|feeds|sitemaps|impressum|datenschutz|community-standards|external-content)/)[^/.]+)/:slug/p/:page",
  ],
};
