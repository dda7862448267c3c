import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { loadViewer } from "@/db/users/queries";
import { signInWithThrottle } from "@/db/users/sign-in";
import { clientAddress } from "@/lib/http/client-address";
import type { Viewer } from "./permissions";
import { authConfig } from "./auth.config";

/** Too many failures for the account or the address: the sign-in form says to wait. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

// A session-version refresh is only accepted with this server-made signature. Auth.js's
// session-update endpoint is open to the browser too, and a stale session (after an admin's
// password reset, say) must not be able to claim the new version for itself.
function refreshSignature(userId: number, sessionVersion: number): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "").update(`copydesk.session-refresh:${userId}:${sessionVersion}`).digest("base64url");
}

function acceptedRefresh(userId: unknown, data: unknown): number | null {
  const refresh = (data as { sessionRefresh?: { sessionVersion?: unknown; signature?: unknown } } | null)?.sessionRefresh;
  const version = refresh?.sessionVersion;
  if (typeof userId !== "number" || typeof version !== "number" || typeof refresh?.signature !== "string" || !process.env.AUTH_SECRET) return null;
  const expected = Buffer.from(refreshSignature(userId, version));
  const given = Buffer.from(refresh.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? version : null;
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected event, not a server error with a stack trace.
    error(error) {
      // `type`, not `name`: class names are minified in the production build.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.trigger === "update") {
        const version = acceptedRefresh(token.uid, params.session);
        if (version !== null) token.sv = version;
      }
      return token;
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        // Throttled per account and per address in the shared rate_limits table (db/users/sign-in.ts).
        const result = await signInWithThrottle({ email: credentials?.email, password: credentials?.password, address: clientAddress(request?.headers) });
        if (result.status === "throttled") throw new ThrottledSignin();
        if (result.status !== "ok") return null;
        const { user } = result;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});

/**
 * After someone changes their own password (which bumps their session version and so ends
 * every session of theirs), carries the new version into the session making the request.
 */
export async function refreshSessionVersion(userId: number, sessionVersion: number): Promise<void> {
  await unstable_update({ sessionRefresh: { sessionVersion, signature: refreshSignature(userId, sessionVersion) } } as never);
}

/**
 * The signed-in newsroom user, re-read from the database (once per request), or null.
 * A deactivated user or one whose session version was bumped is signed out here.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id)) return null;
  return loadViewer(id, session.user.sessionVersion);
});
