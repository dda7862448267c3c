import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { assertCan, ROLES, type Role } from "@/lib/permissions";
import { executor, parseInput, withTransaction, type Ctx, type VerbArgs } from "../context";
import { settings } from "../schema";
import { audit } from "../audit/record";
import { announceAccessChange } from "../articles/collab-events";

const KEY = "second_factor_roles";
/** A new newsroom requires a second factor of the people who can publish and manage accounts. */
export const DEFAULT_SECOND_FACTOR_ROLES: readonly Role[] = ["admin", "editor"];

const Roles = z.array(z.enum(ROLES, "validation.roleInvalid")).max(ROLES.length);
export const SetSecondFactorRolesInput = z.object({ roles: Roles });
export type SetSecondFactorRolesInput = z.input<typeof SetSecondFactorRolesInput>;

/** The roles whose members must have a second factor before they reach the desk. */
export async function getSecondFactorRoles(ctx?: Pick<Ctx, "tx">): Promise<Role[]> {
  const db = await executor(ctx);
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, KEY)).limit(1);
  const parsed = Roles.safeParse(row?.value);
  return row && parsed.success ? parsed.data : [...DEFAULT_SECOND_FACTOR_ROLES];
}

/** An admin sets which roles must have a second factor (audited, before and after). */
export async function setSecondFactorRoles({ ctx, input }: VerbArgs<SetSecondFactorRolesInput>): Promise<Role[]> {
  const { roles } = parseInput(SetSecondFactorRolesInput, input);
  assertCan(ctx.viewer, "user.manage");
  const next = ROLES.filter((r) => roles.includes(r)); // stored in the one order, without repeats
  return withTransaction(ctx, async (tx) => {
    const before = await getSecondFactorRoles({ tx });
    await tx
      .insert(settings)
      .values({ key: KEY, value: next })
      .onConflictDoUpdate({ target: settings.key, set: { value: next, updatedAt: sql`now()` } });
    await audit(tx, ctx, { action: "settings.second_factor_roles", target: "settings", id: KEY, summary: { before, after: next } });
    // Open co-editing connections follow at once: whoever must now enrol first is let go.
    await announceAccessChange(tx, { everyone: true });
    return next;
  });
}
