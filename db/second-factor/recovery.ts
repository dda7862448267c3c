import "server-only";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/passwords";
import { newRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import type { Db } from "../client";
import { userRecoveryCodes, userSecondFactors } from "../schema";

/** Replaces a person's recovery codes with ten new ones; returns them (the only time they are seen). */
export async function replaceRecoveryCodes(tx: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.insert(userRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/** Deletes one of a person's second factors; with none left, their recovery codes go too (they come with a factor). */
export async function deleteFactor(tx: Db, userId: number, factorId: number): Promise<void> {
  await tx.delete(userSecondFactors).where(eq(userSecondFactors.id, factorId));
  const [other] = await tx.select({ id: userSecondFactors.id }).from(userSecondFactors).where(eq(userSecondFactors.userId, userId)).limit(1);
  if (!other) await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
}
