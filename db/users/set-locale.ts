import "server-only";
import { eq, sql } from "drizzle-orm";
import { Forbidden } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { users } from "../schema";
import { SetLocaleInput } from "./schemas";
import { audit } from "../audit/record";

/** A person picks the desk's language for themselves (null: follow the browser). */
export async function setOwnLocale({ ctx, input }: VerbArgs<SetLocaleInput>) {
  const { locale } = parseInput(SetLocaleInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  return withTransaction(ctx, async (tx) => {
    await tx.update(users).set({ locale, updatedAt: sql`now()` }).where(eq(users.id, viewer.id));
    await audit(tx, ctx, { action: "user.locale", target: "user", id: viewer.id, summary: { locale } });
    return { locale };
  });
}
