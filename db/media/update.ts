import "server-only";
import { eq } from "drizzle-orm";
import { NotFound } from "@/lib/errors";
import { assertCanEditMedia } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { media } from "../schema";
import { toMediaItem } from "./queries";
import { UpdateMediaDefaultsInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * Changes the caption, credit and alt text an image brings along when it is placed. Articles
 * that already use it keep their own copies; only later placements start from the new ones.
 */
export async function updateMediaDefaults({ ctx, input }: VerbArgs<UpdateMediaDefaultsInput>) {
  const { id, caption, credit, alt } = parseInput(UpdateMediaDefaultsInput, input);
  return withTransaction(ctx, async (tx) => {
    const [item] = await tx.select({ id: media.id, uploadedById: media.uploadedById, caption: media.caption, credit: media.credit, alt: media.alt }).from(media).where(eq(media.id, id)).for("update");
    if (!item) throw new NotFound("errors.mediaNotFound");
    assertCanEditMedia(ctx.viewer, item);
    const [row] = await tx.update(media).set({ caption, credit, alt }).where(eq(media.id, id)).returning();
    await audit(tx, ctx, { action: "media.update", target: "media", id, summary: { before: { caption: item.caption, credit: item.credit, alt: item.alt }, after: { caption, credit, alt } } });
    return toMediaItem(row);
  });
}
