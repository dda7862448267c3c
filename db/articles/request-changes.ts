import "server-only";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { RequestChangesInput } from "./schemas";
import { applyTransition } from "./transition";

/** An editor sends an article back to its authors, saying what needs to change. */
export async function requestChanges({ ctx, input }: VerbArgs<RequestChangesInput>) {
  const data = parseInput(RequestChangesInput, input);
  return withTransaction(ctx, (tx) =>
    applyTransition(tx, ctx, { ...data, action: "request_changes", capability: "article.request_changes" }),
  );
}
