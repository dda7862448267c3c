/**
 * Whether a request that carries the session cookie comes from this site: a cross-site form or
 * script cannot post with it (SameSite=Lax), and this makes sure of it — a browser's Origin
 * must be this site's. No Origin: not a browser (a tool with its own cookie).
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
