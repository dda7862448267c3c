import "server-only";
import { z } from "zod";
import { assertCan } from "@/lib/permissions";
import { Invalid } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { sections } from "../schema";

export const CreateSectionInput = z.object({
  name: z.string().trim().min(1, "Name the section.").max(60, "Keep the name under 60 characters."),
  position: z.number().int().min(0).max(1000).default(0),
});

export async function createSection({ ctx, input }: VerbArgs<z.input<typeof CreateSectionInput>>) {
  const data = parseInput(CreateSectionInput, input);
  assertCan(ctx.viewer, "taxonomy.manage");
  const slug = slugify(data.name);
  if (!slug) throw new Invalid({ name: ["The name needs at least one letter or digit."] });
  try {
    return await withTransaction(ctx, async (tx) => {
      const [row] = await tx.insert(sections).values({ name: data.name, slug, position: data.position }).returning();
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ["A section with this name already exists."] });
    throw error;
  }
}
