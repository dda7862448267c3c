import "server-only";
import { eq } from "drizzle-orm";
import { hashPassword } from "@/lib/passwords";
import { newRecoveryCodes } from "@/lib/second-factor/recovery-codes";
import type { Db } from "../client";
import { userRecoveryCodes } from "../schema";

/** Replaces a person's recovery codes with ten new ones; returns them (the only time they are seen). */
export async function replaceRecoveryCodes(tx: Db, userId: number): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((code) => hashPassword(code)));
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.insert(userRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}
