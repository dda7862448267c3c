// Next 16's request proxy: only visitors with a valid session reach /desk (every page and
// every data verb checks the user again).
//
// This reads the session token without re-issuing it. Auth.js's own proxy wrapper re-sets the
// session cookie on every request, so a desk request still in flight while someone signs
// out (a prefetch, say) could put the cookie right back — signing them in again.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

const SECURE_COOKIE = "__Secure-authjs.session-token";

export async function proxy(request: NextRequest) {
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

export const config = { matcher: ["/desk", "/desk/:path*"] };
