import "server-only";
import { Conflict, Forbidden } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { audit } from "../audit/record";
import { assertProofNotThrottled, checkFactorProof, refuseProof } from "./proof";
import { hasSecondFactor } from "./queries";
import { replaceRecoveryCodes } from "./recovery";
import { FactorProofInput } from "./schemas";

/** Ten new recovery codes (the old ones stop working), proven with a current code or the password. */
export async function regenerateRecoveryCodes({ ctx, input }: VerbArgs<FactorProofInput>): Promise<{ recoveryCodes: string[] }> {
  const { proof } = parseInput(FactorProofInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  await assertProofNotThrottled(viewer.id, ctx);
  const result = await withTransaction(ctx, async (tx) => {
    if (!(await hasSecondFactor(viewer.id, { tx }))) throw new Conflict("errors.recoveryNeedsFactor");
    if (!(await checkFactorProof(tx, viewer.id, proof))) return null;
    const recoveryCodes = await replaceRecoveryCodes(tx, viewer.id);
    await audit(tx, ctx, { action: "second_factor.recovery_regenerate", target: "user", id: viewer.id, summary: { codesIssued: recoveryCodes.length } });
    return { recoveryCodes };
  });
  return result ?? refuseProof(viewer.id, ctx);
}
