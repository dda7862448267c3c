import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { readerTags } from "@/lib/cache/tags";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { articles, liveEntries } from "../schema";
import { announceReaderChange, currentPublicationTags } from "../reader-cache";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getLiveBlogOrThrow, nextRevision } from "./load";
import { SetLiveBlogInput } from "./schemas";

/**
 * An editor makes an article a live blog, ends its coverage, resumes it, or (while no entry was
 * ever published) makes it an ordinary article again. Coverage starts the first time it goes
 * live and ends when it is ended; readers' open pages stop asking for updates once it has ended.
 * Not part of the article's text: the working copy's `version` stays, so nobody editing meets a conflict.
 */
export async function setLiveBlog({ ctx, input }: VerbArgs<SetLiveBlogInput>): Promise<{ articleId: number; state: "live" | "ended" | null }> {
  assertCan(ctx.viewer, "live.manage");
  const { articleId, state } = parseInput(SetLiveBlogInput, input);
  return withTransaction(ctx, async (tx) => {
    const blog = await getLiveBlogOrThrow(tx, articleId);
    const next = state === "none" ? null : state;
    if (next === null && blog.liveState) {
      const [published] = await tx.select({ id: liveEntries.id }).from(liveEntries).where(and(eq(liveEntries.articleId, articleId), isNotNull(liveEntries.publishedAt))).limit(1);
      if (published) throw new Invalid({ state: ["errors.liveHasEntries"] });
    }
    await nextRevision(tx, articleId);
    await tx
      .update(articles)
      .set({
        liveState: next,
        liveStartedAt: next === null ? null : sql`coalesce(${articles.liveStartedAt}, now())`,
        liveEndedAt: next === "ended" ? sql`coalesce(${articles.liveEndedAt}, now())` : null,
      })
      .where(eq(articles.id, articleId));
    await audit(tx, ctx, { action: "live.set", target: "article", id: articleId, summary: { from: blog.liveState, to: next } });
    await announceLiveDeskChange(tx, articleId);
    // Its page, and the lists (the news sitemap lists live blogs while they are live).
    await announceReaderChange(tx, [...(await currentPublicationTags(tx, articleId)), readerTags.live(articleId)]);
    return { articleId, state: next };
  });
}
