import "server-only";
// Who changed which front, recorded where the article's other events are (article_events, shown
// in its history on the desk). One function, so that moving this to a general audit log is one
// change here.
import type { Db } from "../client";
import type { Ctx } from "../context";
import { actorId } from "../articles/load";
import { articleEvents } from "../schema";

export type FrontChange = { articleId: number; action: "front.place" | "front.remove"; front: string; slot: string };

/** The note reads "{front}#{slot}", e.g. "/#lead" or "/politik#second-2" (ArticleHistory shows it). */
export async function recordFrontChange(tx: Db, ctx: Ctx, change: FrontChange): Promise<void> {
  await tx.insert(articleEvents).values({
    articleId: change.articleId,
    actorId: actorId(ctx),
    action: change.action,
    // A placement does not move the workflow: the article is and stays published.
    fromStatus: "published",
    toStatus: "published",
    note: `${change.front}#${change.slot}`,
  });
}

