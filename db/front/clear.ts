import "server-only";
// An editor empties a slot: it shows the newest article again.
import { and, eq } from "drizzle-orm";
import { frontTag } from "@/lib/cache/tags";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceReaderChange } from "../reader-cache";
import { frontSlots } from "../schema";
import { lockFront } from "./lock";
import { recordFrontChange } from "./record";
import { ClearSlotInput } from "./schemas";
import { audit } from "../audit/record";

export async function clearSlot({ ctx, input }: VerbArgs<ClearSlotInput>) {
  const data = parseInput(ClearSlotInput, input);
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "front.arrange");
    await lockFront(tx, data.front);
    const removed = await tx
      .delete(frontSlots)
      .where(and(eq(frontSlots.front, data.front), eq(frontSlots.slot, data.slot)))
      .returning({ articleId: frontSlots.articleId });
    for (const r of removed) await recordFrontChange(tx, ctx, { articleId: r.articleId, action: "front.remove", front: data.front, slot: data.slot });
    await audit(tx, ctx, { action: "front.clear", target: "front", id: data.front, summary: { slot: data.slot, articleId: removed[0]?.articleId ?? null } });
    if (removed.length) await announceReaderChange(tx, [frontTag(data.front)]);
    return { front: data.front, slot: data.slot, cleared: removed.length > 0 };
  });
}
