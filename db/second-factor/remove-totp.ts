import "server-only";
import { and, eq } from "drizzle-orm";
import { Forbidden, NotFound } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userSecondFactors } from "../schema";
import { audit } from "../audit/record";
import { assertProofNotThrottled, checkFactorProof, refuseProof } from "./proof";
import { deleteFactor } from "./recovery";
import { FactorProofInput } from "./schemas";

/**
 * Removes the person's authenticator app, proven with a current code or the password (a browser
 * left signed in is not enough). With no second factor left, the recovery codes go too.
 */
export async function removeTotp({ ctx, input }: VerbArgs<FactorProofInput>): Promise<void> {
  const { proof } = parseInput(FactorProofInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  await assertProofNotThrottled(viewer.id, ctx);
  const result = await withTransaction(ctx, async (tx) => {
    const [factor] = await tx
      .select({ id: userSecondFactors.id })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, viewer.id), eq(userSecondFactors.kind, "totp")))
      .for("update")
      .limit(1);
    if (!factor) throw new NotFound("errors.totpNotEnrolled");
    if (!(await checkFactorProof(tx, viewer.id, proof))) return "wrong" as const;
    await deleteFactor(tx, viewer.id, factor.id);
    await audit(tx, ctx, { action: "second_factor.remove", target: "user", id: viewer.id, summary: { kind: "totp" } });
    return "removed" as const;
  });
  if (result === "wrong") await refuseProof(viewer.id, ctx);
}
