import "server-only";
import { eq } from "drizzle-orm";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { notifyForStep } from "../notifications/notify";
import { publications } from "../schema";
import { WorkflowInput } from "./schemas";
import { applyTransition } from "./transition";
import { announceReaderChange, currentPublicationTags } from "../reader-cache";
import { releaseArticleSlots } from "../front/release";

/**
 * Takes an article off every reader page, feed and sitemap at once: the publication snapshot
 * goes, the working copy and its history stay, and its address answers 410 Gone until it is
 * published again.
 */
export async function unpublishArticle({ ctx, input }: VerbArgs<WorkflowInput>) {
  const data = parseInput(WorkflowInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await currentPublicationTags(tx, data.id);
    const result = await applyTransition(tx, ctx, { ...data, action: "unpublish", capability: "article.unpublish" }, async (article) => {
      await tx.delete(publications).where(eq(publications.articleId, article.id));
      await releaseArticleSlots(tx, ctx, article.id); // it leaves the fronts it was placed on
      return { publishedVersion: null };
    });
    await notifyForStep(tx, ctx, { articleId: result.id, kind: "unpublished", note: data.note });
    await announceReaderChange(tx, before);
    return result;
  });
}
