import "server-only";
import { and, eq, lte, sql } from "drizzle-orm";
import { AppError, Forbidden, NotFound } from "@/lib/errors";
import { COMMENT_ARTICLE_WINDOW, COMMENT_CLIENT_WINDOW } from "@/lib/comments";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { hitRateLimit } from "../rate-limit";
import { articles, comments, publications } from "../schema";
import { PostCommentInput } from "./schemas";
import { audit } from "../audit/record";

/** Too many comments from one poster, or on one article, in the current window. */
export class CommentRateLimited extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("unavailable", "errors.commentRateLimited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}

/**
 * A reader posts a comment (no account needed). It waits as `pending` until an editor approves
 * it. The article must be visible to readers and open for comments.
 *
 * The honeypot: a filled trap field gets the same answer as a real comment, but nothing is
 * written — not even a spam row — so bots learn nothing and fill neither the queue nor the table.
 */
export async function postComment({ ctx, input }: VerbArgs<PostCommentInput>): Promise<{ status: "pending" }> {
  const data = parseInput(PostCommentInput, input);
  if (data.website.trim() !== "") return { status: "pending" };
  return withTransaction(ctx, async (tx) => {
    const [article] = await tx
      .select({ id: articles.id, commentsOpen: articles.commentsOpen })
      .from(publications)
      .innerJoin(articles, eq(articles.id, publications.articleId))
      .where(and(eq(publications.articleId, data.articleId), lte(publications.visibleFrom, sql`now()`)))
      .limit(1);
    if (!article) throw new NotFound("errors.articleNotFound");
    if (!article.commentsOpen) throw new Forbidden("errors.commentsClosed");
    // Counted inside the transaction: a refused post rolls its own count back, so a poster who
    // is over the limit stays there until the window ends, and a failed insert costs nothing.
    for (const [key, window] of [
      [`comment:client:${data.clientHash}`, COMMENT_CLIENT_WINDOW],
      [`comment:article:${article.id}`, COMMENT_ARTICLE_WINDOW],
    ] as const) {
      const state = await hitRateLimit(key, window, { tx });
      if (state.limited) throw new CommentRateLimited(state.retryAfterSeconds);
    }
    const [comment] = await tx.insert(comments).values({ articleId: article.id, authorName: data.name, body: data.text, clientHash: data.clientHash }).returning({ id: comments.id });
    // A reader: no actor and, as for the comment itself, no address (only its hash is kept).
    await audit(tx, { viewer: null }, { action: "comment.post", target: "comment", id: comment.id, summary: { articleId: article.id } });
    return { status: "pending" as const };
  });
}
