import "server-only";
import { eq, sql } from "drizzle-orm";
import { NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userRecoveryCodes, userSecondFactors, users, webauthnChallenges } from "../schema";
import { audit } from "../audit/record";
import { deleteSessionsOf } from "../sessions/end-all";
import { ResetSecondFactorInput } from "./schemas";

/**
 * An admin removes every second factor of someone who lost theirs (app, passkeys and recovery
 * codes; the audit row names the kinds removed).
 * Their sessions end too: whoever is signed in as them must prove themselves again, and enrol
 * anew where their role requires a factor.
 */
export async function resetSecondFactor({ ctx, input }: VerbArgs<ResetSecondFactorInput>) {
  const { id } = parseInput(ResetSecondFactorInput, input);
  assertCan(ctx.viewer, "user.manage");
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, id)).for("update").limit(1);
    if (!user) throw new NotFound("errors.userNotFound");
    const removed = await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, id)).returning({ kind: userSecondFactors.kind });
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, id));
    await tx.delete(webauthnChallenges).where(eq(webauthnChallenges.userId, id));
    await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` }).where(eq(users.id, id));
    const ended = await deleteSessionsOf(tx, id);
    await audit(tx, ctx, { action: "user.second_factor_reset", target: "user", id, summary: { removed: removed.map((r) => r.kind), sessionsEnded: ended } });
    return { removed: removed.length };
  });
}
