import "server-only";
import { inArray, sql } from "drizzle-orm";
import { assertCan } from "@/lib/permissions";
import { MODERATION_STATUS } from "@/lib/comments";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { comments } from "../schema";
import { announceReaderChange, commentPageTags } from "../reader-cache";
import { ModerateCommentsInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * An editor approves, rejects or marks as spam several comments at once, in one transaction.
 * Any status can be changed again (an approved comment can still be taken down). Ids that no
 * longer exist (their article was deleted) are skipped; `count` says how many were changed.
 */
export async function moderateComments({ ctx, input }: VerbArgs<ModerateCommentsInput>): Promise<{ count: number; status: string }> {
  assertCan(ctx.viewer, "comment.moderate");
  const { ids, action } = parseInput(ModerateCommentsInput, input);
  const status = MODERATION_STATUS[action];
  return withTransaction(ctx, async (tx) => {
    const changed = await tx
      .update(comments)
      .set({ status, moderatedById: ctx.viewer!.id, moderatedAt: sql`now()` })
      .where(inArray(comments.id, ids))
      .returning({ id: comments.id, articleId: comments.articleId });
    await audit(tx, ctx, { action: "comment.moderate", target: "comment", id: ids.length === 1 ? ids[0] : null, summary: { status, ids: changed.map((c) => c.id), articleIds: [...new Set(changed.map((c) => c.articleId))] } });
    await announceReaderChange(tx, await commentPageTags(tx, changed.map((c) => c.articleId)));
    return { count: changed.length, status };
  });
}
