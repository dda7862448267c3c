import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "../client";
import { articleCollabStates } from "../schema";

/**
 * Keeps the first Yjs state built for an article from its JSON working copy — unless another
 * instance (or an earlier open) stored one first: then that one is returned and must be used.
 * Two states built separately from the same JSON would hold the same text twice once merged
 * (their items have different client ids), so exactly one may ever exist.
 */
export async function initCollabState(articleId: number, state: Uint8Array, stateVector: Uint8Array, articleVersion: number): Promise<Uint8Array> {
  const db = await getDb();
  const inserted = await db
    .insert(articleCollabStates)
    .values({ articleId, state, stateVector, articleVersion })
    .onConflictDoNothing()
    .returning({ id: articleCollabStates.articleId });
  if (inserted.length) return state;
  const [stored] = await db.select({ state: articleCollabStates.state }).from(articleCollabStates).where(eq(articleCollabStates.articleId, articleId));
  return stored.state;
}
