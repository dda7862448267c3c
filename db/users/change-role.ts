import "server-only";
import { eq, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceAccessChange } from "../articles/collab-events";
import { users } from "../schema";
import { assertAnotherActiveAdmin, getUserForUpdateOrThrow } from "./guards";
import { ChangeRoleInput } from "./schemas";
import { deleteSessionsOf } from "../sessions/end-all";
import { audit } from "../audit/record";

/** An admin changes someone's role; their open sessions end (session version) so it holds at once. */
export async function changeRole({ ctx, input }: VerbArgs<ChangeRoleInput>) {
  const { id, role } = parseInput(ChangeRoleInput, input);
  assertCan(ctx.viewer, "user.manage");
  const viewer = ctx.viewer!;
  return withTransaction(ctx, async (tx) => {
    const user = await getUserForUpdateOrThrow(tx, id);
    if (user.role === role) return { id, name: user.name, role, sessionVersion: user.sessionVersion, changed: false };
    if (user.id === viewer.id) throw new Invalid({ role: ["errors.cannotDemoteSelf"] }, "errors.cannotDemoteSelf");
    if (user.role === "admin" && user.active) await assertAnotherActiveAdmin(tx, user.id);
    const [row] = await tx
      .update(users)
      .set({ role, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
      .where(eq(users.id, id))
      .returning({ sessionVersion: users.sessionVersion });
    const ended = await deleteSessionsOf(tx, id);
    await announceAccessChange(tx, { userId: id }); // open co-editing connections follow at once
    await audit(tx, ctx, { action: "user.role", target: "user", id, summary: { name: user.name, before: user.role, after: role, sessionsEnded: ended } });
    return { id, name: user.name, role, sessionVersion: row.sessionVersion, changed: true };
  });
}
