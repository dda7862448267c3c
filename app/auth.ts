import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { mustEnrolSecondFactor } from "@/db/second-factor/queries";
import { getSessionUser, loadViewer } from "@/db/users/queries";
import { signInWithThrottle } from "@/db/users/sign-in";
import { signInWithOidc } from "@/db/users/sign-in-with-oidc";
import type { OidcSignInInput } from "@/db/users/schemas";
import { checkSession } from "@/db/sessions/check";
import { endSession } from "@/db/sessions/end";
import { startSession } from "@/db/sessions/start";
import { sessionPolicy } from "@/lib/session-policy";
import { clientAddress } from "@/lib/http/client-address";
import { deviceCookieFrom, readDeviceToken } from "@/lib/device-trust";
import { PENDING_COOKIE, PENDING_SECONDS, issueTicket, readTicket } from "@/lib/second-factor/tickets";
import { passwordSignInEnabled, ssoConfig, type SsoConfig } from "@/lib/sso";
import type { Viewer } from "@/lib/permissions";
import { authConfig } from "@/lib/auth.config";

/** The password was right, but the account has a second factor: only the sign-in form's code step can finish. */
export class SecondFactorDue extends CredentialsSignin {
  code = "second_factor";
}

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

/** The id of the single sign-on provider in Auth.js (its callback is /api/auth/callback/oidc). */
export const SSO_PROVIDER = "oidc";
const sso = ssoConfig();

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
  events: {
    // Sign-out ends the session on the server, not just in this browser: a copy of the cookie
    // presented anywhere else opens nothing from now on.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.uid === "number" && typeof token.sid === "string") {
        await endSession({ ctx: { viewer: { id: token.uid, role: token.role as Viewer["role"], name: "" } }, input: { id: token.sid } }).catch(() => undefined); // already ended
      }
    },
  },
  callbacks: {
    ...authConfig.callbacks,
    signIn: ({ user, account, profile }) => (account?.provider === SSO_PROVIDER ? signInThroughProvider(user, profile) : true),
    jwt(params) {
      const token = authConfig.callbacks.jwt(params);
      if (params.trigger === "update") {
        const version = acceptedRefresh(token.uid, params.session);
        if (version !== null) token.sv = version;
        if (acceptedEnrolment(token.uid, params.session)) token.enrol = false;
      }
      return token;
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" }, ticket: { type: "hidden" } },
      async authorize(credentials, request) {
        const address = clientAddress(request?.headers);
        // The sign-in form (app/(desk)/signin/actions.ts) checks the password, and the code where
        // the account has a second factor, then hands over a server-signed "complete" ticket that
        // never reaches the browser.
        const ticket = readTicket(credentials?.ticket, "complete", process.env.AUTH_SECRET ?? "");
        let user = ticket ? await getSessionUser(ticket.userId, ticket.sessionVersion) : null;
        if (!ticket) {
          // Password sign-in switched off (COPYDESK_PASSWORD_SIGNIN=off): only tickets, which the
          // sign-in form issues after a code step (which follows single sign-on too).
          if (!passwordSignInEnabled()) return null;
          // Email and password posted here directly (scripts, the load bench): accounts without a
          // second factor only. Throttled per account and per address in the shared rate_limits
          // table (db/users/sign-in.ts); a device cookie from an earlier good sign-in exempts
          // this browser from the per-account limit that strangers can fill (lib/device-trust.ts).
          const device = readDeviceToken(deviceCookieFrom(request?.headers?.get("cookie")), process.env.AUTH_SECRET ?? "");
          const result = await signInWithThrottle({ email: credentials?.email, password: credentials?.password, address, device });
          if (result.status === "throttled") throw new ThrottledSignin();
          if (result.status !== "ok") return null;
          if (result.secondFactorDue) throw new SecondFactorDue();
          user = result.user;
        }
        if (!user) return null;
        // A server-side record per sign-in: sign-out deletes it, and then the cookie opens nothing.
        const sessionId = await startSession({ userId: user.id, userAgent: request?.headers?.get("user-agent"), address });
        // A role that requires a second factor, without one: the session opens the enrolment only
        // (the proxy sends every other desk page there; the data layer refuses the rest).
        const mustEnrol = await mustEnrolSecondFactor(user);
        return { id: String(user.id), name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sessionId, mustEnrol };
      },
    }),
    ...(sso ? [ssoProvider(sso)] : []),
  ],
});

/**
 * Single sign-on through any OpenID Connect provider (Keycloak, Microsoft Entra, Google
 * Workspace…), found by discovery at the issuer when someone first clicks the button. The
 * authorization code flow with PKCE, state and nonce; Auth.js checks the ID token (signature,
 * issuer, audience, nonce) and hands its claims to the signIn callback below.
 */
function ssoProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER,
    name: config.label,
    type: "oidc",
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: config.scopes } },
  };
}

/**
 * The identity provider vouched for someone: db/users/sign-in-with-oidc.ts decides who they are
 * here. A refusal goes back to the sign-in page with its reason. An account whose Copydesk second
 * factor is still due (the provider did not say it asked for one) gets the sign-in form's code
 * step, exactly as after a password: a "pending" cookie, and no session yet. Otherwise the
 * session starts as the password's does — a server-side record, audited by the verb.
 */
async function signInThroughProvider(user: User, profile: unknown): Promise<boolean | string> {
  const config = ssoConfig();
  if (!config) return false;
  const request = await headers();
  const address = clientAddress(request);
  const result = await signInWithOidc({ claims: profile as OidcSignInInput["claims"], policy: config.policy, address });
  if (result.status === "refused") return `/signin?sso=${result.reason}`;
  if (result.secondFactor === "code") {
    const secure = Boolean(process.env.AUTH_URL?.startsWith("https:")) || request.get("x-forwarded-proto") === "https";
    (await cookies()).set(PENDING_COOKIE, issueTicket("pending", result.user, process.env.AUTH_SECRET ?? ""), { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: PENDING_SECONDS });
    return "/signin?sso=code";
  }
  const sessionId = await startSession({ userId: result.user.id, userAgent: request.get("user-agent"), address, secondFactorAtProvider: result.secondFactor === "idp" });
  // Auth.js puts this object into the session token (lib/auth.config.ts's jwt callback).
  Object.assign(user, { id: String(result.user.id), name: result.user.name, email: result.user.email, role: result.user.role, sessionVersion: result.user.sessionVersion, sessionId, mustEnrol: result.secondFactor === "enrol" });
  return true;
}

function enrolmentSignature(userId: number): string {
  return createHmac("sha256", process.env.AUTH_SECRET ?? "").update(`copydesk.enrolled:${userId}`).digest("base64url");
}

function acceptedEnrolment(userId: unknown, data: unknown): boolean {
  const signature = (data as { enrolled?: unknown } | null)?.enrolled;
  if (typeof userId !== "number" || typeof signature !== "string" || !process.env.AUTH_SECRET) return false;
  const expected = Buffer.from(enrolmentSignature(userId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** After someone enrols a second factor their role requires, lets this session past the proxy's enrolment gate. */
export async function markEnrolled(userId: number): Promise<void> {
  await unstable_update({ enrolled: enrolmentSignature(userId) } as never);
}

/**
 * After someone changes their own password (which bumps their session version and so ends
 * every session of theirs), carries the new version into the session making the request.
 */
export async function refreshSessionVersion(userId: number, sessionVersion: number): Promise<void> {
  await unstable_update({ sessionRefresh: { sessionVersion, signature: refreshSignature(userId, sessionVersion) } } as never);
}

/**
 * The signed-in newsroom user, re-read from the database (once per request), or null.
 * A deactivated user, one whose session version was bumped, or a session that was signed out,
 * ended from the profile or by an admin, or ran past its idle or absolute limit
 * (COPYDESK_SESSION_IDLE_MINUTES, COPYDESK_SESSION_MAX_HOURS) is signed out here — every desk
 * page, server action and desk API asks this. (The proxy only sees the cookie: it has no
 * database, STACK-NOTES 8.)
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!session?.user || !Number.isInteger(id)) return null;
  const viewer = await loadViewer(id, session.user.sessionVersion);
  const live = viewer && (await checkSession(session.user.sessionId, id, sessionPolicy()));
  if (!viewer || !live) return null;
  // The request's address goes with the viewer into the verbs, for the audit log's rows.
  // `mustEnrol` is decided here, from the database, on every request: a role that now requires
  // a second factor, or an admin's reset, takes effect at once (lib/permissions.ts refuses all).
  // A single sign-on whose provider asked for a second factor itself has met the requirement.
  const mustEnrol = !live.secondFactorAtProvider && (await mustEnrolSecondFactor(viewer));
  return { ...viewer, sessionId: session.user.sessionId, address: clientAddress(await headers()), ...(mustEnrol ? { mustEnrol } : {}) };
});
