import "server-only";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { notifyForStep } from "../notifications/notify";
import { articleNotes } from "../schema";
import { actorId } from "./load";
import { RequestChangesInput } from "./schemas";
import { applyTransition } from "./transition";

/**
 * An editor sends an article back to its authors, saying what needs to change. The note goes
 * into the article's internal thread and to the authors' notifications.
 */
export async function requestChanges({ ctx, input }: VerbArgs<RequestChangesInput>) {
  const data = parseInput(RequestChangesInput, input);
  return withTransaction(ctx, async (tx) => {
    const result = await applyTransition(tx, ctx, { ...data, action: "request_changes", capability: "article.request_changes" });
    await tx.insert(articleNotes).values({ articleId: result.id, authorId: actorId(ctx), body: data.note });
    await notifyForStep(tx, ctx, { articleId: result.id, kind: "changes_requested", note: data.note });
    return result;
  });
}
