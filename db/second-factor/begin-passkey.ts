import "server-only";
import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { Forbidden } from "@/lib/errors";
import { PASSKEY_ALGORITHMS, PASSKEY_CHALLENGE_SECONDS, passkeyUserHandle, type RelyingParty } from "@/lib/second-factor/passkeys";
import { withTransaction, type Ctx } from "../context";
import { userSecondFactors, users } from "../schema";
import { audit } from "../audit/record";
import { storeChallenge } from "./challenges";

/**
 * Starts adding a passkey: what the browser needs to make one for this site and person (its
 * challenge kept on the server, good once for a few minutes). The person's passkeys already
 * added are excluded, so one authenticator is not added twice.
 */
export async function beginPasskeyEnrolment({ ctx, rp }: { ctx: Ctx; rp: RelyingParty }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, viewer.id)).limit(1);
    if (!user) throw new Forbidden("errors.signInFirst");
    const existing = await tx
      .select({ credentialId: userSecondFactors.credentialId, transports: userSecondFactors.transports })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, viewer.id), eq(userSecondFactors.kind, "passkey")));
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.email,
      userDisplayName: user.name,
      userID: passkeyUserHandle(viewer.id),
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
      attestationType: "none",
      excludeCredentials: existing.flatMap((c) => (c.credentialId ? [{ id: c.credentialId, transports: c.transports ?? undefined }] : [])),
      // User verification (PIN, fingerprint) where the authenticator can; a plain security key still works.
      authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    });
    await storeChallenge(tx, viewer.id, "register", options.challenge);
    await audit(tx, ctx, { action: "second_factor.enrol_start", target: "user", id: viewer.id, summary: { kind: "passkey" } });
    return options;
  });
}
