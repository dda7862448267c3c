import "server-only";
import { eq, inArray, lt, sql } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { articles, editorPresence, users } from "../schema";

/** One person writing in one article on this instance. */
export type PresenceEntry = { articleId: number; userId: number };

/** A row older than this no longer counts (its instance stopped reporting: it died or lost the database). */
export const PRESENCE_FRESH_SECONDS = 30;

/**
 * Replaces what `instance` reported before with who writes where on it now (empty: nobody), and
 * clears rows that every instance stopped refreshing long ago. Not a user's verb: the co-editing
 * server (db/articles/collab-server.ts) reports its own connections, whoever they are.
 */
export async function reportPresence(instance: string, entries: PresenceEntry[], ctx?: Pick<Ctx, "tx">): Promise<void> {
  const db = await executor(ctx);
  await db.transaction(async (tx) => {
    await tx.delete(editorPresence).where(eq(editorPresence.instance, instance));
    await tx.delete(editorPresence).where(lt(editorPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_FRESH_SECONDS * 10})`));
    const unique = [...new Map(entries.map((e) => [`${e.articleId} ${e.userId}`, e])).values()];
    if (!unique.length) return;
    // Only rows whose article and person still exist (one may have been deleted a moment ago).
    // One after the other: the transaction is one connection.
    const known = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, [...new Set(unique.map((e) => e.articleId))]));
    const people = await tx.select({ id: users.id }).from(users).where(inArray(users.id, [...new Set(unique.map((e) => e.userId))]));
    const articleIds = new Set(known.map((r) => r.id));
    const userIds = new Set(people.map((r) => r.id));
    const rows = unique.filter((e) => articleIds.has(e.articleId) && userIds.has(e.userId)).map((e) => ({ instance, ...e }));
    if (rows.length) await tx.insert(editorPresence).values(rows);
  });
}
