import "server-only";
import { eq, sql } from "drizzle-orm";
import { assertCanEditLiveEntry, assertCanPublishLiveEntry } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { liveEntries } from "../schema";
import { announceReaderChange, liveEntryTags } from "../reader-cache";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getLiveBlogOrThrow, getLiveEntryForUpdateOrThrow, nextRevision } from "./load";
import { DeleteLiveEntryInput } from "./schemas";

/**
 * Deletes an entry, with a reason for the audit log. Taking a published entry away from readers
 * is for whoever may publish there; a writer may drop their own unpublished draft. The row stays
 * (deleted_at, reason), so readers' open pages learn of the removal through the revision.
 */
export async function deleteLiveEntry({ ctx, input }: VerbArgs<DeleteLiveEntryInput>): Promise<{ id: number }> {
  const { id, reason } = parseInput(DeleteLiveEntryInput, input);
  return withTransaction(ctx, async (tx) => {
    const entry = await getLiveEntryForUpdateOrThrow(tx, id);
    const blog = await getLiveBlogOrThrow(tx, entry.articleId);
    const published = entry.publishedAt !== null;
    if (published) assertCanPublishLiveEntry(ctx.viewer, blog);
    else assertCanEditLiveEntry(ctx.viewer, entry, blog);
    await tx
      .update(liveEntries)
      .set({ deletedAt: sql`now()`, deleteReason: reason, updatedAt: sql`now()`, ...(published ? { revision: await nextRevision(tx, entry.articleId) } : {}) })
      .where(eq(liveEntries.id, id));
    await audit(tx, ctx, { action: "live_entry.delete", target: "live_entry", id, summary: { articleId: entry.articleId, published, reason, title: entry.title } });
    await announceLiveDeskChange(tx, entry.articleId);
    if (published) await announceReaderChange(tx, await liveEntryTags(tx, entry.articleId));
    return { id };
  });
}
