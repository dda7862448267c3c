// Passkeys (WebAuthn) as a second factor: the choices @simplewebauthn/server is given. The
// relying party is the site's public origin — COPYDESK_SITE_URL (else AUTH_URL), else the
// request's host (lib/site-url.ts) — and the RP ID its host name, so a passkey made for the
// newsroom is never offered to, or accepted from, any other site.
import { createHash } from "node:crypto";
import { siteOrigin } from "@/lib/site-url";

export type RelyingParty = { id: string; name: string; origin: string };

export const PASSKEY_RP_NAME = "Copydesk";
/** How long the browser has to answer a challenge (the person may need to find their key). */
export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;
/** ES256 and RS256 (what authenticators make); EdDSA too. */
export const PASSKEY_ALGORITHMS = [-7, -257, -8];
/** The longest answer accepted from a browser, as JSON (a passkey's answer is about 1–2 kB). */
export const PASSKEY_RESPONSE_MAX = 16_000;

export function relyingParty(headers?: { get(name: string): string | null }): RelyingParty {
  const origin = siteOrigin(headers);
  return { id: new URL(origin).hostname, name: PASSKEY_RP_NAME, origin };
}

/**
 * The WebAuthn user handle: stable per account (an authenticator then keeps one passkey per
 * person and site, not one per enrolment) and without the email address in it.
 */
export function passkeyUserHandle(userId: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash("sha256").update(`copydesk.webauthn-user:${userId}`).digest());
}

/** The challenge an answer claims to answer (base64url, from its clientDataJSON), or null. */
export function answeredChallenge(clientDataJSON: string): string | null {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as { challenge?: unknown };
    return typeof data.challenge === "string" && data.challenge.length <= 200 ? data.challenge : null;
  } catch {
    return null;
  }
}
