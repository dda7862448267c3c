// Auth.js settings without the database-backed provider (that one lives in lib/auth.ts), so
// that this file stays importable anywhere.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";

export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 }, // one working day
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role as Role;
      session.user.sessionVersion = token.sv as number;
      return session;
    },
  },
} satisfies NextAuthConfig;
