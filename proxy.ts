// Next 16's request proxy, for two jobs:
//  - only visitors with a valid session reach /desk (every page and every data verb checks the
//    user again);
//  - an unpublished article's address answers 410 Gone (App Router pages can only say 404).
//
// The session token is read without re-issuing it. Auth.js's own proxy wrapper re-sets the
// session cookie on every request, so a desk request still in flight while someone signs
// out (a prefetch, say) could put the cookie right back — signing them in again.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import de from "./messages/de.json";
import en from "./messages/en.json";

const SECURE_COOKIE = "__Secure-authjs.session-token";

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/desk" || pathname.startsWith("/desk/")) return guardDesk(request);
  if (isArticlePath(pathname) && (await gonePaths(request)).has(decodeURI(pathname))) return gone();
  return NextResponse.next();
}

async function guardDesk(request: NextRequest) {
  const token = await getToken({
    req: request,
    secret: process.env.AUTH_SECRET,
    secureCookie: request.cookies.has(SECURE_COOKIE) || request.cookies.has(`${SECURE_COOKIE}.0`),
  });
  if (token?.uid) return NextResponse.next();
  const signIn = request.nextUrl.clone();
  signIn.pathname = "/signin";
  signIn.search = "";
  signIn.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(signIn);
}

// Two-segment paths are articles (/{section}/{slug}) unless they belong to another route.
const NOT_ARTICLES = new Set(["_next", "api", "a", "p", "authors", "tags", "feeds", "sitemaps", "media", "desk", "search", "signin"]);
function isArticlePath(pathname: string): boolean {
  const parts = pathname.split("/");
  return parts.length === 3 && parts[1] !== "" && parts[2] !== "" && !NOT_ARTICLES.has(parts[1]);
}

/**
 * The set of unpublished addresses, fetched from the app (the proxy keeps no database
 * connection of its own) and kept for a few seconds: an unpublish reaches every instance
 * within GONE_TTL_MS; until then the address answers 404, never the old article.
 */
const GONE_TTL_MS = 5000;
let cache: { paths: Set<string>; at: number } = { paths: new Set(), at: 0 };
let loading: Promise<void> | null = null;

async function gonePaths(request: NextRequest): Promise<Set<string>> {
  if (Date.now() - cache.at > GONE_TTL_MS) {
    loading ??= fetch(new URL("/api/gone", request.nextUrl.origin), { cache: "no-store", signal: AbortSignal.timeout(2000) })
      .then(async (response) => {
        if (response.ok) cache = { paths: new Set(((await response.json()) as { paths: string[] }).paths), at: Date.now() };
      })
      .catch(() => undefined) // unknown for now: serve the page (which says 404 if it is not live)
      .finally(() => {
        loading = null;
      });
    // The first answer waits for the list; later ones use the previous list while it refreshes.
    if (cache.at === 0) await loading;
  }
  return cache.paths;
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
