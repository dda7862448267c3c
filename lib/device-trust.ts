// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): after a good
// sign-in a browser gets a signed token naming the account. Sign-ins that present one for the
// account they try are not subject to the per-account limit (which a stranger can fill from any
// number of addresses), only to a limit of their own, so a stranger cannot lock the owner out of
// the browser they use; everyone else is.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const DEVICE_COOKIE = "copydesk-device";
/** A device stays known for half a year after its last good sign-in. */
export const DEVICE_COOKIE_MAX_AGE = 60 * 60 * 24 * 182;

export type DeviceToken = { email: string; id: string };

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`copydesk.device:${payload}`).digest("base64url");
}

/** `<id>.<email, base64url>.<signature>` for the account signed in with `email`. */
export function issueDeviceToken(email: string, secret: string): string {
  const payload = `${randomBytes(16).toString("base64url")}.${Buffer.from(email.trim().toLowerCase()).toString("base64url")}`;
  return `${payload}.${sign(payload, secret)}`;
}

/** The device a cookie names, or null when it is missing, malformed or not signed by us. */
export function readDeviceToken(value: string | undefined | null, secret: string): DeviceToken | null {
  if (!value || !secret || value.length > 512) return null;
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [id, email, signature] = parts;
  const expected = Buffer.from(sign(`${id}.${email}`, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id, email: Buffer.from(email, "base64url").toString() };
}

/** The device cookie's value from a Cookie header. */
export function deviceCookieFrom(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return rest.join("=");
  }
  return null;
}
