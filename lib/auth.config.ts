// Auth.js settings without the database-backed provider (that one lives in app/auth.ts), so
// that this file stays importable anywhere.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";
import { sessionPolicy } from "./session-policy";

export const authConfig = {
  // Auth.js's own errors (a single sign-on that failed at the provider, say) show on the sign-in page too.
  pages: { signIn: "/signin", error: "/signin" },
  // The cookie lives as long as a session may (COPYDESK_SESSION_MAX_HOURS); whether it still
  // opens anything is decided by its server-side record (app/auth.ts, db/sessions).
  session: { strategy: "jwt", maxAge: sessionPolicy().maxSeconds },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        token.enrol = user.mustEnrol || undefined;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role as Role;
      session.user.sessionVersion = token.sv as number;
      session.user.sessionId = token.sid as string | undefined;
      return session;
    },
  },
} satisfies NextAuthConfig;
