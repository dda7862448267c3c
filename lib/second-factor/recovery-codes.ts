// One-time recovery codes: for the day the phone is lost. Ten of them, shown once; stored as
// argon2id hashes like passwords, so the database never holds a usable one.
import { randomInt } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: read off paper and typed by hand.
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** `xxxxx-xxxxx`: 10 characters from 31, about 50 bits each — plenty against a throttled guesser. */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, newRecoveryCode);
}

/** As typed: any case, with or without the dash or spaces. */
export function normalizeRecoveryCode(code: string): string {
  const plain = code.toLowerCase().replace(/[\s-]/g, "");
  return plain.length === 10 ? `${plain.slice(0, 5)}-${plain.slice(5)}` : plain;
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z2-9]{5}-[a-z2-9]{5}$/.test(normalizeRecoveryCode(code));
}
