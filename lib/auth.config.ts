// The part of the Auth.js config that the proxy (edge of every /desk request) uses. It must
// not import the database: providers that do live in lib/auth.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";

export const authConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 }, // one working day
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      // The desk is for the newsroom only; everything else is public.
      if (request.nextUrl.pathname.startsWith("/desk")) return Boolean(auth?.user);
      return true;
    },
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
