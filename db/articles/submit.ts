import "server-only";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { WorkflowInput } from "./schemas";
import { applyTransition } from "./transition";

/** A journalist hands a draft (or a sent-back article) to the editors. */
export async function submitArticle({ ctx, input }: VerbArgs<WorkflowInput>) {
  const data = parseInput(WorkflowInput, input);
  return withTransaction(ctx, (tx) =>
    applyTransition(tx, ctx, { ...data, action: "submit", capability: "article.submit" }),
  );
}
