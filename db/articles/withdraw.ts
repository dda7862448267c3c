import "server-only";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { WorkflowInput } from "./schemas";
import { applyTransition } from "./transition";

/** An author takes back their submission to keep working on it. */
export async function withdrawArticle({ ctx, input }: VerbArgs<WorkflowInput>) {
  const data = parseInput(WorkflowInput, input);
  return withTransaction(ctx, (tx) =>
    applyTransition(tx, ctx, { ...data, action: "withdraw", capability: "article.withdraw" }),
  );
}
