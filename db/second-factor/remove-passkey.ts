import "server-only";
import { and, eq } from "drizzle-orm";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userSecondFactors } from "../schema";
import { audit } from "../audit/record";
import { assertProofNotThrottled, checkFactorProof, refuseProof } from "./proof";
import { deleteFactor } from "./recovery";
import { RemovePasskeyInput } from "./schemas";

/**
 * Removes one of the person's own passkeys, proven with a current app code or the password (as
 * removing the app; the same throttle). With no second factor left, the recovery codes go too.
 */
export async function removePasskey({ ctx, input }: VerbArgs<RemovePasskeyInput>): Promise<void> {
  const { id, proof } = parseInput(RemovePasskeyInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  await assertProofNotThrottled(viewer.id, ctx);
  const result = await withTransaction(ctx, async (tx) => {
    // Only the person's own: another person's passkey id is "not found", not a way in.
    const [passkey] = await tx
      .select({ id: userSecondFactors.id, label: userSecondFactors.label })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.id, id), eq(userSecondFactors.userId, viewer.id), eq(userSecondFactors.kind, "passkey")))
      .for("update")
      .limit(1);
    if (!passkey) throw new NotFound("errors.passkeyNotFound");
    if (!(await checkFactorProof(tx, viewer.id, proof))) return "wrong" as const;
    await deleteFactor(tx, viewer.id, passkey.id);
    await audit(tx, ctx, { action: "second_factor.remove", target: "user", id: viewer.id, summary: { kind: "passkey", name: passkey.label } });
    return "removed" as const;
  });
  if (result === "wrong") await refuseProof(viewer.id, ctx);
}
