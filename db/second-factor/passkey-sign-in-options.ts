import "server-only";
import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { PASSKEY_CHALLENGE_SECONDS, type RelyingParty } from "@/lib/second-factor/passkeys";
import { withTransaction, type Ctx } from "../context";
import { userSecondFactors, users } from "../schema";
import { storeChallenge } from "./challenges";

/**
 * What the browser needs to sign in with one of this person's passkeys, after their right
 * password (the caller holds the signed "pending" ticket): their passkeys only, and a challenge
 * kept on the server for the answer. Null when they have none (or the account was switched off).
 */
export async function passkeySignInOptions({ userId, rp }: { userId: number; rp: RelyingParty }, ctx?: Pick<Ctx, "tx">): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  return withTransaction({ viewer: null, tx: ctx?.tx }, async (tx) => {
    const [user] = await tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user?.active) return null;
    const passkeys = await tx
      .select({ credentialId: userSecondFactors.credentialId, transports: userSecondFactors.transports })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, userId), eq(userSecondFactors.kind, "passkey")));
    if (!passkeys.length) return null;
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.flatMap((p) => (p.credentialId ? [{ id: p.credentialId, transports: p.transports ?? undefined }] : [])),
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
      userVerification: "preferred",
    });
    await storeChallenge(tx, userId, "sign_in", options.challenge);
    return options;
  });
}
