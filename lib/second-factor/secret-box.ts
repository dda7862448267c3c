// TOTP secrets at rest: AES-256-GCM under a key derived from AUTH_SECRET (HKDF), so a copy of
// the database (a backup, a read replica, a leaked dump) holds no usable authenticator secret.
// Rotating AUTH_SECRET makes stored secrets unreadable: everyone enrolled then signs in with a
// recovery code and enrols again (README, Security).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

function key(secret: string): Buffer {
  if (!secret) throw new Error("AUTH_SECRET is not set: second-factor secrets cannot be stored");
  return Buffer.from(hkdfSync("sha256", secret, "copydesk", "copydesk.second-factor.v1", 32));
}

/** `v1.<iv>.<ciphertext>.<tag>` (base64url). */
export function sealSecret(plain: string, secret = process.env.AUTH_SECRET ?? ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv, data, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when the box was sealed under another key or was tampered with. */
export function openSecret(sealed: string, secret = process.env.AUTH_SECRET ?? ""): string | null {
  const [version, iv, data, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !data || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
