import "server-only";
import { eq, sql } from "drizzle-orm";
import { Forbidden, Invalid } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { hitRateLimit, peekRateLimit, resetRateLimit } from "../rate-limit";
import { users } from "../schema";
import { ChangeOwnPasswordInput } from "./schemas";
import { deleteSessionsOf } from "../sessions/end-all";
import { audit } from "../audit/record";

/** Wrong current passwords allowed per window: a borrowed session cannot guess the password. */
export const CURRENT_PASSWORD_LIMIT = { limit: 5, windowSeconds: 15 * 60 };

/**
 * A person sets a new password, proving they know the current one. The session version goes up,
 * so every other session of theirs ends; the new version is returned for the caller to carry
 * into the current session (see `refreshSessionVersion` in app/auth.ts).
 */
export async function changeOwnPassword({ ctx, input }: VerbArgs<ChangeOwnPasswordInput>) {
  const data = parseInput(ChangeOwnPasswordInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  const throttleKey = `password:user:${viewer.id}`;
  if ((await peekRateLimit(throttleKey, CURRENT_PASSWORD_LIMIT, ctx)).limited) {
    throw new Invalid({ currentPassword: ["validation.currentPasswordThrottled"] });
  }
  const result = await withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, viewer.id)).for("update").limit(1);
    if (!user) throw new Forbidden("errors.signInFirst");
    if (!(await verifyPassword(user.passwordHash, data.currentPassword))) return { wrong: true as const };
    const [row] = await tx
      .update(users)
      .set({ passwordHash: await hashPassword(data.newPassword), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, viewer.id))
      .returning({ sessionVersion: users.sessionVersion });
    await resetRateLimit(throttleKey, { tx });
    // Every other session ends (and leaves the list); the one that changed the password stays.
    const ended = await deleteSessionsOf(tx, viewer.id, viewer.sessionId);
    await audit(tx, ctx, { action: "user.password_change", target: "user", id: viewer.id, summary: { sessionsEnded: ended } });
    return { wrong: false as const, sessionVersion: row.sessionVersion };
  });
  if (result.wrong) {
    // Counted outside the transaction above, which wrote nothing.
    await hitRateLimit(throttleKey, CURRENT_PASSWORD_LIMIT, ctx);
    throw new Invalid({ currentPassword: ["validation.currentPasswordWrong"] });
  }
  return { sessionVersion: result.sessionVersion };
}
