import "server-only";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { tags } from "../schema";
import { CreateTagInput } from "./schemas";
import { audit } from "../audit/record";
import { type TagDto, claimableSlug, mapNameClash } from "./shared";

export async function createTag({ ctx, input }: VerbArgs<CreateTagInput>): Promise<TagDto> {
  const { name } = parseInput(CreateTagInput, input);
  return mapNameClash(() =>
    withTransaction(ctx, async (tx) => {
      assertCan(ctx.viewer, "taxonomy.manage");
      const slug = await claimableSlug(tx, name);
      const [row] = await tx.insert(tags).values({ name, slug }).returning({ id: tags.id, name: tags.name, slug: tags.slug });
      await audit(tx, ctx, { action: "tag.create", target: "tag", id: row.id, summary: { name, slug } });
      return row;
    }),
  );
}
