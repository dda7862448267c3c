import "server-only";
import { assertCan } from "@/lib/permissions";
import { generateTemporaryPassword } from "@/lib/passwords";
import { parseInput, type VerbArgs } from "../context";
import { createUser } from "./create";
import { AdminCreateUserInput } from "./schemas";

/**
 * An admin opens an account. The temporary password is returned this once, for the admin to
 * hand over; only its argon2id hash is stored.
 */
export async function adminCreateUser({ ctx, input }: VerbArgs<AdminCreateUserInput>) {
  const data = parseInput(AdminCreateUserInput, input);
  assertCan(ctx.viewer, "user.manage");
  const temporaryPassword = generateTemporaryPassword();
  // createUser checks the permission again and writes in one transaction.
  const user = await createUser({ ctx, input: { ...data, password: temporaryPassword } });
  return { user, temporaryPassword };
}
