// Who is on the other end of a co-editing WebSocket: the Auth.js session cookie sent with the
// upgrade request, decoded as Auth.js decodes it (same secret, the cookie name as salt). The
// caller still re-reads the user (active? same session version? role?) and the session's own
// row (not signed out, not ended, not expired — db/sessions/check.ts) before trusting it.
import { decode } from "next-auth/jwt";

const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

export type SessionClaims = { userId: number; sessionVersion: number; /** The server-side session row (db/sessions); null in a cookie that has none. */ sessionId: string | null };

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 1) continue;
    const name = part.slice(0, eq).trim();
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed cookie is no session
    }
  }
  return cookies;
}

/** The session token, joined again when Auth.js split a large one into `.0`, `.1`, … chunks. */
function sessionToken(cookies: Map<string, string>, name: string): string | null {
  if (cookies.has(name)) return cookies.get(name)!;
  const chunks: string[] = [];
  for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
  return chunks.length ? chunks.join("") : null;
}

export async function sessionFromCookie(cookieHeader: string | undefined, secret: string | undefined): Promise<SessionClaims | null> {
  if (!secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of COOKIE_NAMES) {
    const token = sessionToken(cookies, name);
    if (!token) continue;
    try {
      const claims = await decode({ token, secret, salt: name });
      const userId = Number(claims?.uid);
      const sessionVersion = Number(claims?.sv);
      const sessionId = typeof claims?.sid === "string" && claims.sid ? claims.sid : null;
      if (Number.isInteger(userId) && userId > 0 && Number.isInteger(sessionVersion)) return { userId, sessionVersion, sessionId };
    } catch {
      // tampered, expired or made with another secret
    }
  }
  return null;
}
