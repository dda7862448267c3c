import "server-only";
import { eq, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { generateTemporaryPassword, hashPassword } from "@/lib/passwords";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceAccessChange } from "../articles/collab-events";
import { resetRateLimit } from "../rate-limit";
import { users } from "../schema";
import { getUserForUpdateOrThrow } from "./guards";
import { ResetPasswordInput } from "./schemas";
import { accountThrottleKey, delayKey } from "./sign-in";
import { deleteSessionsOf } from "../sessions/end-all";
import { audit } from "../audit/record";

/**
 * An admin replaces someone's password with a temporary one, returned this once. Their open
 * sessions end, and a sign-in lock on the account is lifted so the new password works at once.
 */
export async function resetPassword({ ctx, input }: VerbArgs<ResetPasswordInput>) {
  const { id } = parseInput(ResetPasswordInput, input);
  assertCan(ctx.viewer, "user.manage");
  // Admins change their own password on the profile page, which keeps their session.
  if (id === ctx.viewer!.id) throw new Invalid({ form: ["errors.resetOwnPassword"] }, "errors.resetOwnPassword");
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return withTransaction(ctx, async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, id);
    const [row] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning({ sessionVersion: users.sessionVersion });
    await resetRateLimit(accountThrottleKey(user.email), { tx });
    await resetRateLimit(delayKey(accountThrottleKey(user.email)), { tx });
    const ended = await deleteSessionsOf(tx, id);
    await announceAccessChange(tx, { userId: id }); // their open co-editing connections end too
    await audit(tx, ctx, { action: "user.password_reset", target: "user", id, summary: { name: user.name, sessionsEnded: ended } });
    return { id, name: user.name, temporaryPassword, sessionVersion: row.sessionVersion };
  });
}
