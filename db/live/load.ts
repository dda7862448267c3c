import "server-only";
import { eq, sql } from "drizzle-orm";
import { Invalid, NotFound } from "@/lib/errors";
import type { Db } from "../client";
import { articles, liveEntries, livePublishers } from "../schema";

export type LiveBlogRow = { id: number; liveState: "live" | "ended" | null; publisherIds: number[]; revision: number };
export type LiveEntryRow = typeof liveEntries.$inferSelect;

/** An article with what the live rules look at; not locked (entry writes lock via `nextRevision`). */
export async function getLiveBlogOrThrow(tx: Db, articleId: number): Promise<LiveBlogRow> {
  const [row] = await tx.select({ id: articles.id, liveState: articles.liveState, revision: articles.liveRevision }).from(articles).where(eq(articles.id, articleId));
  if (!row) throw new NotFound("errors.articleNotFound");
  const publishers = await tx.select({ userId: livePublishers.userId }).from(livePublishers).where(eq(livePublishers.articleId, articleId));
  return { ...row, publisherIds: publishers.map((p) => p.userId) };
}

/** As above, and refuses an article that is not a live blog. */
export async function getOpenLiveBlogOrThrow(tx: Db, articleId: number): Promise<LiveBlogRow> {
  const blog = await getLiveBlogOrThrow(tx, articleId);
  if (!blog.liveState) throw new Invalid({ form: ["errors.notALiveBlog"] });
  return blog;
}

/** Loads and row-locks an entry for a write. */
export async function getLiveEntryForUpdateOrThrow(tx: Db, id: number): Promise<LiveEntryRow> {
  const [row] = await tx.select().from(liveEntries).where(eq(liveEntries.id, id)).for("update");
  if (!row || row.deletedAt) throw new NotFound("errors.liveEntryNotFound");
  return row;
}

/**
 * The live blog's next revision, for a change readers must hear about. The update holds the
 * article row's lock to the end of the transaction, so revisions commit in the order they were
 * taken: entries are separate rows (reporters never conflict), and this one short lock is all
 * their publishes share.
 */
export async function nextRevision(tx: Db, articleId: number): Promise<number> {
  const [row] = await tx
    .update(articles)
    .set({ liveRevision: sql`${articles.liveRevision} + 1` })
    .where(eq(articles.id, articleId))
    .returning({ revision: articles.liveRevision });
  return row.revision;
}
