import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { publications } from "../schema";
import { WorkflowInput } from "./schemas";
import { applyTransition } from "./transition";

/** Takes a scheduled article off the schedule (back to review) before it has appeared. */
export async function cancelSchedule({ ctx, input }: VerbArgs<WorkflowInput>) {
  const data = parseInput(WorkflowInput, input);
  return withTransaction(ctx, async (tx) => {
    const result = await applyTransition(tx, ctx, { ...data, action: "cancel_schedule", capability: "article.schedule" }, async (article) => {
      // Only a publication that readers cannot see yet goes; applyTransition has already turned a
      // schedule whose time has passed into "published", which cannot be cancelled.
      await tx.delete(publications).where(and(eq(publications.articleId, article.id), gt(publications.visibleFrom, sql`now()`)));
      return { publishedVersion: null };
    });
    return result;
  });
}
