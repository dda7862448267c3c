import "server-only";
import { eq, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceAccessChange } from "../articles/collab-events";
import { users } from "../schema";
import { assertAnotherActiveAdmin, getUserForUpdateOrThrow } from "./guards";
import { SetActiveInput } from "./schemas";
import { deleteSessionsOf } from "../sessions/end-all";
import { audit } from "../audit/record";

/**
 * Deactivates or reactivates an account. Deactivation bumps the session version, so the person
 * is signed out on their next request; reactivation does not revive those old sessions.
 */
export async function setActive({ ctx, input }: VerbArgs<SetActiveInput>) {
  const { id, active } = parseInput(SetActiveInput, input);
  assertCan(ctx.viewer, "user.manage");
  const viewer = ctx.viewer!;
  return withTransaction(ctx, async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, id);
    if (user.active === active) return { id, name: user.name, active, sessionVersion: user.sessionVersion, changed: false };
    if (!active && user.id === viewer.id) throw new Invalid({ form: ["errors.cannotDeactivateSelf"] }, "errors.cannotDeactivateSelf");
    if (!active && user.role === "admin") await assertAnotherActiveAdmin(tx, user.id);
    const [row] = await tx
      .update(users)
      .set({ active, ...(active ? {} : { sessionVersion: sql`${users.sessionVersion} + 1` }), updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning({ sessionVersion: users.sessionVersion });
    const ended = active ? 0 : await deleteSessionsOf(tx, id);
    await announceAccessChange(tx, { userId: id }); // open co-editing connections follow at once
    await audit(tx, ctx, { action: active ? "user.activate" : "user.deactivate", target: "user", id, summary: { name: user.name, sessionsEnded: ended } });
    return { id, name: user.name, active, sessionVersion: row.sessionVersion, changed: true };
  });
}
