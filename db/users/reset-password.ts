import "server-only";
import { eq, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { generateTemporaryPassword, hashPassword } from "@/lib/passwords";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { resetRateLimit } from "../rate-limit";
import { users } from "../schema";
import { getUserForUpdateOrThrow } from "./guards";
import { ResetPasswordInput } from "./schemas";
import { accountThrottleKey } from "./sign-in";

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
    return { id, name: user.name, temporaryPassword, sessionVersion: row.sessionVersion };
  });
}
