import "server-only";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { notifyForStep } from "../notifications/notify";
import { recordRevision } from "./revision-log";
import { WorkflowInput } from "./schemas";
import { applyTransition } from "./transition";

/** A journalist hands a draft (or a sent-back article) to the editors; the text handed in is kept as a revision. */
export async function submitArticle({ ctx, input }: VerbArgs<WorkflowInput>) {
  const data = parseInput(WorkflowInput, input);
  return withTransaction(ctx, async (tx) => {
    const result = await applyTransition(tx, ctx, { ...data, action: "submit", capability: "article.submit" });
    await recordRevision(tx, ctx, { articleId: result.id, version: result.version, kind: "submit" });
    await notifyForStep(tx, ctx, { articleId: result.id, kind: "submitted", note: data.note });
    return result;
  });
}
