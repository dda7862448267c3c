import "server-only";
import { assertCan } from "@/lib/permissions";
import { Invalid } from "@/lib/errors";
import { hashPassword } from "@/lib/passwords";
import { slugify } from "@/lib/slug";
import { users } from "../schema";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { CreateUserInput } from "./schemas";
import { uniqueSlug } from "../slugs";
import { audit } from "../audit/record";

export async function createUser({ ctx, input }: VerbArgs<CreateUserInput>) {
  const data = parseInput(CreateUserInput, input);
  assertCan(ctx.viewer, "user.manage");
  const passwordHash = await hashPassword(data.password);
  try {
    return await withTransaction(ctx, async (tx) => {
      const slug = await uniqueSlug(tx, users, users.slug, slugify(data.name) || "autor");
      const [row] = await tx
        .insert(users)
        .values({ email: data.email, name: data.name, role: data.role, passwordHash, slug, bio: data.bio ?? "", locale: data.locale ?? null })
        .returning({ id: users.id, email: users.email, name: users.name, role: users.role, slug: users.slug });
      await audit(tx, ctx, { action: "user.create", target: "user", id: row.id, summary: { email: row.email, name: row.name, role: row.role } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new Invalid({ email: ["validation.emailTaken"] });
    }
    throw error;
  }
}
