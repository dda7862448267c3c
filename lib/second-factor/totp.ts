// Time-based one-time passwords (RFC 6238) as authenticator apps make them: SHA-1, six digits,
// 30-second steps. otplib does the arithmetic; this file fixes the choices.
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "Copydesk";
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret(); // 20 random bytes, base32
}

/** The otpauth:// address the QR code carries. */
export function totpUri(secret: string, account: string, issuer = TOTP_ISSUER): string {
  return generateURI({ issuer, label: account, secret });
}

/** What people type: digits, perhaps with spaces ("123 456"). */
export function normalizeTotp(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export function looksLikeTotp(code: string): boolean {
  return /^\d{6}$/.test(normalizeTotp(code));
}

/**
 * The time step a right code belongs to, or null. `afterTimeStep`: the last step accepted
 * for this secret — a code is good once (someone watching the screen cannot reuse it).
 */
export async function checkTotp(secret: string, code: string, afterTimeStep?: number | null, epoch?: number): Promise<number | null> {
  const token = normalizeTotp(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({ secret, token, epochTolerance: TOLERANCE_SECONDS, afterTimeStep: afterTimeStep ?? undefined, epoch });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** The current code (tests and the command-line tools compute codes the way an app does). */
export function currentTotp(secret: string, epoch?: number): Promise<string> {
  return generate({ secret, epoch });
}
