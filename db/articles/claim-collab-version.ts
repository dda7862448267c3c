import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "../client";
import { articleCollabStates } from "../schema";

/**
 * Claims the bringing-in of a working copy written beside the co-editing document (restore,
 * import…) for this instance: true for exactly one instance, so that with several instances
 * sharing the document (Redis) the change is applied once, not once per instance.
 */
export async function claimCollabVersion(articleId: number, version: number): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(articleCollabStates)
    .set({ articleVersion: version })
    .where(and(eq(articleCollabStates.articleId, articleId), lt(articleCollabStates.articleVersion, version)))
    .returning({ id: articleCollabStates.articleId });
  if (rows.length) return true;
  // No state stored yet (a document opened moments ago): nobody else can have applied it either.
  const [stored] = await db.select({ id: articleCollabStates.articleId }).from(articleCollabStates).where(eq(articleCollabStates.articleId, articleId));
  return !stored;
}
