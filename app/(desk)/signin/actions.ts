"use server";
import { AuthError } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { passkeySignInOptions } from "@/db/second-factor/passkey-sign-in-options";
import { mustEnrolSecondFactor, signInFactors } from "@/db/second-factor/queries";
import { verifySignInPasskey } from "@/db/second-factor/verify-passkey-sign-in";
import { verifySignInCode } from "@/db/second-factor/verify-sign-in";
import { SIGN_IN_LIMITS, signInWithThrottle } from "@/db/users/sign-in";
import { SSO_PROVIDER, signIn } from "@/app/auth";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, issueDeviceToken, readDeviceToken } from "@/lib/device-trust";
import { clientAddress } from "@/lib/http/client-address";
import { PASSKEY_RESPONSE_MAX, relyingParty } from "@/lib/second-factor/passkeys";
import { PENDING_COOKIE, PENDING_SECONDS, issueTicket, readTicket } from "@/lib/second-factor/tickets";
import { passwordSignInEnabled, ssoConfig } from "@/lib/sso";

/**
 * `step`: which form the page shows — the password, or (after a right password) the second step,
 * which offers what the account has (`factors`: a passkey, an app; recovery codes always).
 */
export type SignInState = { error?: string; email?: string; step?: "password" | "code"; factors?: { totp: boolean; passkey: boolean } };

/** Only same-site desk paths are allowed as a destination after sign-in. */
function safeDestination(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/desk") && !path.startsWith("//") ? path : "/desk";
}

const ENROL_PATH = "/desk/profile";
const secret = () => process.env.AUTH_SECRET ?? "";

async function cookieOptions(maxAge: number) {
  const secure = (await headers()).get("x-forwarded-proto") === "https";
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge };
}

async function throttledMessage() {
  const minutes = Math.ceil(Math.max(SIGN_IN_LIMITS.account.windowSeconds, SIGN_IN_LIMITS.address.windowSeconds) / 60);
  return (await getTranslations("signin"))("throttled", { minutes });
}

/**
 * Both steps of the sign-in form. Step one checks the password (throttled, db/users/sign-in.ts);
 * an account with a second factor gets a signed "pending" cookie and the second step — no session
 * exists yet. Step two checks a code or a passkey's answer (throttled the same way). Only when
 * every factor has passed does Auth.js start a session, from a "complete" ticket made here on
 * the server.
 */
export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const t = await getTranslations("signin");
  // A direct call can send anything as the "form": without one it is just wrong credentials, not a 500.
  if (!(formData instanceof FormData)) return { error: t("wrongCredentials") };
  const destination = safeDestination(formData.get("callbackUrl"));
  const jar = await cookies();
  const address = clientAddress(await headers());

  // Without password sign-in the form has no first step of its own: back to the page, where
  // single sign-on starts again (its button, and a message if the code step ran out).
  const passwords = passwordSignInEnabled();
  if (formData.get("step") === "restart") {
    jar.delete(PENDING_COOKIE);
    if (!passwords) redirect("/signin");
    return {};
  }
  const step = formData.get("step");
  if (step === "code" || step === "passkey") {
    const pending = readTicket(jar.get(PENDING_COOKIE)?.value, "pending", secret());
    if (!pending && !passwords) redirect("/signin?error=expired");
    if (!pending) return { error: t("codeExpired"), step: "password" };
    const result =
      step === "passkey"
        ? await verifySignInPasskey({ userId: pending.userId, response: String(formData.get("passkey") ?? "").slice(0, PASSKEY_RESPONSE_MAX), address }, relyingParty(await headers()))
        : await verifySignInCode({ userId: pending.userId, code: String(formData.get("code") ?? "").slice(0, 40), address });
    if (result.status !== "ok") {
      const error = result.status === "throttled" ? await throttledMessage() : t(step === "passkey" ? "passkeyFailed" : "codeWrong");
      return { error, step: "code", factors: await signInFactors(pending.userId) };
    }
    jar.delete(PENDING_COOKIE);
    return finish({ id: pending.userId, sessionVersion: pending.sessionVersion, email: pending.email }, destination);
  }

  // Switched off for single sign-on (COPYDESK_PASSWORD_SIGNIN=off): no password is looked at.
  if (!passwords) return { error: t("passwordOff") };
  const email = String(formData.get("email") ?? "").slice(0, 254);
  const device = readDeviceToken(jar.get(DEVICE_COOKIE)?.value, secret());
  const result = await signInWithThrottle({ email, password: String(formData.get("password") ?? "").slice(0, 200), address, device });
  // The same words for an unknown address and a wrong password; only a lock is told apart.
  if (result.status === "throttled") return { error: await throttledMessage(), email };
  if (result.status !== "ok") return { error: t("wrongCredentials"), email };
  if (result.secondFactorDue) {
    jar.set(PENDING_COOKIE, issueTicket("pending", result.user, secret()), await cookieOptions(PENDING_SECONDS));
    return { step: "code", email, factors: await signInFactors(result.user.id) };
  }
  // A role that requires a second factor, without one: straight to setting it up (the proxy
  // would send every desk page there anyway, but the redirect after an action skips the proxy).
  return finish(result.user, (await mustEnrolSecondFactor(result.user)) ? ENROL_PATH : destination);
}

/**
 * The passkey step's challenge, for the browser to answer (then posted as step "passkey"). Only
 * with a valid "pending" ticket, i.e. after the right password; null otherwise or without passkeys.
 */
export async function passkeySignInOptionsAction(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const pending = readTicket((await cookies()).get(PENDING_COOKIE)?.value, "pending", secret());
  if (!pending) return null;
  return passkeySignInOptions({ userId: pending.userId, rp: relyingParty(await headers()) });
}

/** Every factor passed: Auth.js starts the session (and redirects by throwing). */
async function finish(user: { id: number; sessionVersion: number; email: string }, destination: string): Promise<SignInState> {
  try {
    await signIn("credentials", { ticket: issueTicket("complete", user, secret()), redirectTo: destination });
    return {};
  } catch (error) {
    if (String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT")) {
      // Signed in: this browser is now known to the account (lib/device-trust.ts), so a stranger's
      // failed guesses from elsewhere cannot lock it out.
      (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(user.email, secret()), await cookieOptions(DEVICE_COOKIE_MAX_AGE));
    }
    // The password (and code) were right a moment ago: a refusal now means the account changed
    // in between (deactivated, password reset) — the same words as a wrong password.
    if (error instanceof AuthError) return { error: (await getTranslations("signin"))("wrongCredentials") };
    throw error;
  }
}

/**
 * "Sign in with …": off to the identity provider (Auth.js redirects by throwing); it comes back
 * to /api/auth/callback/oidc, where app/auth.ts decides who that is.
 */
export async function ssoSignInAction(formData: FormData): Promise<void> {
  const config = ssoConfig();
  if (!config) return;
  try {
    await signIn(SSO_PROVIDER, { redirectTo: safeDestination(formData instanceof FormData ? formData.get("callbackUrl") : null) });
  } catch (error) {
    unstable_rethrow(error); // the redirect to the provider (or, when Auth.js failed, to /signin?error=…)
    // Anything Auth.js throws instead (an error of its own kind): the sign-in page says so
    // rather than a server error.
    console.error(`[auth] single sign-on at ${config.issuer} failed:`, error);
    redirect("/signin?error=unreachable");
  }
}
