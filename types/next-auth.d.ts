import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** The server-side session (user_sessions) this sign-in started. */
    sessionId?: string;
    /** Signed in, but their role requires a second factor they have not set up yet. */
    mustEnrol?: boolean;
  }
  interface Session {
    user: { id: string; role: Role; sessionVersion: number; sessionId?: string } & DefaultSession["user"];
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: number;
    role?: Role;
    sv?: number;
    /** Must set up a second factor first: the proxy sends desk pages to the profile. */
    enrol?: boolean;
  }
}
