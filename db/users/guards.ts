import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { Invalid, NotFound } from "@/lib/errors";
import type { Db } from "../client";
import { users } from "../schema";

/** The account an admin acts on, locked for the rest of the transaction. */
export async function getUserForUpdateOrThrow(tx: Db, id: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for("update").limit(1);
  if (!row) throw new NotFound("errors.userNotFound");
  return row;
}

/**
 * Refuses to take away the last active admin (by demotion or deactivation). One advisory lock
 * serialises these checks across transactions and app instances, so two admins demoting each
 * other at the same moment cannot both succeed.
 */
export async function assertAnotherActiveAdmin(tx: Db, exceptId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('copydesk.users.admins'))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, exceptId)));
  if (row.n < 1) throw new Invalid({ form: ["errors.lastAdmin"] }, "errors.lastAdmin");
}
