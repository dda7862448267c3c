import "server-only";
import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { ArticleBeingEdited } from "@/lib/desk/types";
import { executor, type Ctx } from "../context";
import { articles, editorPresence, users } from "../schema";
import { PRESENCE_FRESH_SECONDS } from "./presence";

/**
 * Articles with someone writing in them right now on any instance (as the instances last
 * reported, within the last half minute), most recently seen first, with who — each person once.
 */
export async function listArticlesBeingEdited(limit = 20, ctx?: Pick<Ctx, "tx">): Promise<ArticleBeingEdited[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({ articleId: editorPresence.articleId, headline: articles.headline, userId: users.id, name: users.name })
    .from(editorPresence)
    .innerJoin(articles, eq(articles.id, editorPresence.articleId))
    .innerJoin(users, eq(users.id, editorPresence.userId))
    .where(gt(editorPresence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_FRESH_SECONDS})`))
    .groupBy(editorPresence.articleId, articles.headline, users.id, users.name)
    .orderBy(desc(sql`max(${editorPresence.seenAt})`), asc(editorPresence.articleId), asc(users.name));
  const out = new Map<number, ArticleBeingEdited>();
  for (const row of rows) {
    const entry = out.get(row.articleId) ?? { articleId: row.articleId, headline: row.headline, people: [] };
    entry.people.push({ id: row.userId, name: row.name });
    out.set(row.articleId, entry);
  }
  return [...out.values()].slice(0, limit);
}
