import "server-only";
// An article that readers can no longer see leaves every slot it held (called by unpublish,
// in its transaction; the unpublish already expires the pages that showed it).
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { frontSlots } from "../schema";
import { recordFrontChange } from "./record";

export async function releaseArticleSlots(tx: Db, ctx: Ctx, articleId: number): Promise<void> {
  const removed = await tx.delete(frontSlots).where(eq(frontSlots.articleId, articleId)).returning({ front: frontSlots.front, slot: frontSlots.slot });
  for (const r of removed) await recordFrontChange(tx, ctx, { articleId, action: "front.remove", front: r.front, slot: r.slot });
}
