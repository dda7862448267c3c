import "server-only";
import { eq } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { tags } from "../schema";
import { DeleteTagInput } from "./schemas";
import { audit } from "../audit/record";
import { getTagOrThrow, countTagUse } from "./shared";

/**
 * Only a tag nothing uses can go: no article (draft or published) has it and no live
 * publication still shows it. Its old addresses go with it.
 */
export async function deleteTag({ ctx, input }: VerbArgs<DeleteTagInput>): Promise<{ id: number }> {
  const { id } = parseInput(DeleteTagInput, input);
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "taxonomy.manage");
    const tag = await getTagOrThrow(tx, id, true);
    const used = await countTagUse(tx, tag);
    if (used > 0) throw new Invalid({}, "errors.tagInUse", { count: used });
    await tx.delete(tags).where(eq(tags.id, id));
    await audit(tx, ctx, { action: "tag.delete", target: "tag", id, summary: { name: tag.name, slug: tag.slug } });
    return { id };
  });
}
