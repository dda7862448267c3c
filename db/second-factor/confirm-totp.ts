import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { Forbidden, Invalid } from "@/lib/errors";
import { openSecret } from "@/lib/second-factor/secret-box";
import { checkTotp } from "@/lib/second-factor/totp";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userSecondFactors } from "../schema";
import { audit } from "../audit/record";
import { replaceRecoveryCodes } from "./recovery";
import { ConfirmTotpInput } from "./schemas";

/**
 * Finishes adding an authenticator app: the person types a code it shows, which proves the app
 * holds the secret. From now on sign-in asks for a code. Returns ten new recovery codes — shown
 * this once.
 */
export async function confirmTotp({ ctx, input }: VerbArgs<ConfirmTotpInput>): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(ConfirmTotpInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  return withTransaction(ctx, async (tx) => {
    const [factor] = await tx
      .select()
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, viewer.id), eq(userSecondFactors.kind, "totp"), isNull(userSecondFactors.confirmedAt)))
      .for("update")
      .limit(1);
    if (!factor?.secret) throw new Invalid({ code: ["validation.totpNotStarted"] });
    const secret = openSecret(factor.secret);
    const step = secret ? await checkTotp(secret, code) : null;
    if (step === null) throw new Invalid({ code: ["validation.totpWrong"] });
    await tx.update(userSecondFactors).set({ confirmedAt: new Date(), lastTimeStep: step, lastUsedAt: new Date() }).where(eq(userSecondFactors.id, factor.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, viewer.id);
    await audit(tx, ctx, { action: "second_factor.enrol", target: "user", id: viewer.id, summary: { kind: "totp", codesIssued: recoveryCodes.length } });
    return { recoveryCodes };
  });
}
