import "server-only";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { loadViewer, verifyCredentials } from "@/db/users/queries";
import type { Viewer } from "./permissions";
import { authConfig } from "./auth.config";

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    // A wrong password is an expected event, not a server error with a stack trace.
    error(error) {
      // `type`, not `name`: class names are minified in the production build.
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const user = await verifyCredentials(credentials);
        if (!user) return null;
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
      },
    }),
  ],
});

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
