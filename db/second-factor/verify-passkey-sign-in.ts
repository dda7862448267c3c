import "server-only";
import { verifyAuthenticationResponse, type AuthenticationResponseJSON } from "@simplewebauthn/server";
import { and, eq } from "drizzle-orm";
import { answeredChallenge, type RelyingParty } from "@/lib/second-factor/passkeys";
import type { Ctx } from "../context";
import { userSecondFactors } from "../schema";
import { audit } from "../audit/record";
import { takeChallenge } from "./challenges";
import { SignInPasskeyInput } from "./schemas";
import { throttledSignInStep } from "./sign-in-step";

export type SignInPasskeyResult = { status: "ok"; method: "passkey" } | { status: "invalid" } | { status: "throttled"; retryAfterSeconds: number };

/**
 * The sign-in's second step with a passkey: the answer must come from one of this person's
 * passkeys, be made for this site, answer the challenge they were given (once) and carry a
 * signature counter past the last one seen (a cloned authenticator or a replayed answer is
 * refused). Wrong answers are throttled and audited like wrong codes (./sign-in-step.ts).
 * Nothing here starts a session.
 */
export async function verifySignInPasskey(input: SignInPasskeyInput, rp: RelyingParty, ctx?: Pick<Ctx, "tx">): Promise<SignInPasskeyResult> {
  const parsed = SignInPasskeyInput.safeParse(input);
  // Not even an answer's shape: refused like a wrong one, so it counts against the limits.
  const { userId } = parsed.success ? parsed.data : { userId: typeof input?.userId === "number" ? input.userId : 0 };
  if (userId <= 0) return { status: "invalid" };
  const result = await throttledSignInStep({ userId, address: (parsed.success ? parsed.data.address : null) ?? null }, ctx, async (tx, actor) => {
    if (!parsed.success) return null;
    const { response } = parsed.data;
    const challenge = answeredChallenge(response.response.clientDataJSON);
    if (!(await takeChallenge(tx, userId, "sign_in", challenge))) return null;
    const [passkey] = await tx
      .select()
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, userId), eq(userSecondFactors.kind, "passkey"), eq(userSecondFactors.credentialId, response.id)))
      .for("update")
      .limit(1);
    if (!passkey?.credentialId || !passkey.publicKey) return null;
    const verification = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge!,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")), counter: passkey.counter ?? 0, transports: passkey.transports ?? undefined },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return null;
    await tx.update(userSecondFactors).set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() }).where(eq(userSecondFactors.id, passkey.id));
    await audit(tx, actor, { action: "signin.second_factor", target: "user", id: userId, summary: { method: "passkey", name: passkey.label } });
    return { method: "passkey" as const };
  });
  return result.status === "ok" ? { status: "ok", method: "passkey" } : result;
}
