import "server-only";
import { verifyRegistrationResponse, type RegistrationResponseJSON } from "@simplewebauthn/server";
import { and, count, eq, isNull } from "drizzle-orm";
import { Conflict, Forbidden, Invalid } from "@/lib/errors";
import { PASSKEY_ALGORITHMS, answeredChallenge, type RelyingParty } from "@/lib/second-factor/passkeys";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userRecoveryCodes, userSecondFactors } from "../schema";
import { audit } from "../audit/record";
import { takeChallenge } from "./challenges";
import { replaceRecoveryCodes } from "./recovery";
import { AddPasskeyInput } from "./schemas";

/**
 * Finishes adding a passkey: the browser's answer must be made for this site and answer the
 * challenge this person was given (once). From now on sign-in offers it. Someone with no
 * recovery codes gets ten, shown this once (as when adding an authenticator app); someone who
 * has codes keeps them.
 */
export async function addPasskey({ ctx, input, rp }: VerbArgs<AddPasskeyInput> & { rp: RelyingParty }): Promise<{ id: number; recoveryCodes: string[] | null }> {
  const { name, response } = parseInput(AddPasskeyInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  const result = await withTransaction(ctx, async (tx) => {
    // Taken before checking: a refused answer uses the challenge up too (committed below).
    const challenge = answeredChallenge(response.response.clientDataJSON);
    if (!(await takeChallenge(tx, viewer.id, "register", challenge))) return "refused" as const;
    const verification = await verifyRegistrationResponse({
      response: response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge!,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      supportedAlgorithmIDs: PASSKEY_ALGORITHMS,
    }).catch(() => null);
    if (!verification?.verified) return "refused" as const;
    const { credential } = verification.registrationInfo;
    const [taken] = await tx.select({ id: userSecondFactors.id }).from(userSecondFactors).where(eq(userSecondFactors.credentialId, credential.id)).limit(1);
    if (taken) throw new Conflict("errors.passkeyAlreadyAdded");
    const [row] = await tx
      .insert(userSecondFactors)
      .values({
        userId: viewer.id,
        kind: "passkey",
        label: name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports ?? response.response.transports ?? [],
        confirmedAt: new Date(),
      })
      .returning({ id: userSecondFactors.id });
    const [left] = await tx.select({ n: count() }).from(userRecoveryCodes).where(and(eq(userRecoveryCodes.userId, viewer.id), isNull(userRecoveryCodes.usedAt)));
    const recoveryCodes = left.n === 0 ? await replaceRecoveryCodes(tx, viewer.id) : null;
    await audit(tx, ctx, { action: "second_factor.enrol", target: "user", id: viewer.id, summary: { kind: "passkey", name, codesIssued: recoveryCodes?.length ?? 0 } });
    return { id: row.id, recoveryCodes };
  });
  if (result === "refused") throw new Invalid({ passkey: ["validation.passkeyRefused"] });
  return result;
}
