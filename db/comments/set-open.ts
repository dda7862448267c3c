import "server-only";
import { eq } from "drizzle-orm";
import { NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { articles } from "../schema";
import { announceReaderChange, commentPageTags } from "../reader-cache";
import { SetCommentsOpenInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * Opens or closes an article for new comments. Not part of the article's content: the working
 * copy's `version` stays as it is, so nobody editing the article meets a conflict because of it.
 * Comments already approved stay visible.
 */
export async function setCommentsOpen({ ctx, input }: VerbArgs<SetCommentsOpenInput>): Promise<{ articleId: number; open: boolean }> {
  assertCan(ctx.viewer, "comment.moderate");
  const { articleId, open } = parseInput(SetCommentsOpenInput, input);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.update(articles).set({ commentsOpen: open }).where(eq(articles.id, articleId)).returning({ id: articles.id });
    if (!row) throw new NotFound("errors.articleNotFound");
    await audit(tx, ctx, { action: "comment.set_open", target: "article", id: articleId, summary: { open } });
    await announceReaderChange(tx, await commentPageTags(tx, [articleId]));
    return { articleId, open };
  });
}
