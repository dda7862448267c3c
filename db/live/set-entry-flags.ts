import "server-only";
import { eq, sql } from "drizzle-orm";
import { assertCanPublishLiveEntry } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { liveEntries } from "../schema";
import { announceReaderChange, liveEntryTags } from "../reader-cache";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getLiveBlogOrThrow, getLiveEntryForUpdateOrThrow, nextRevision } from "./load";
import { SetLiveEntryFlagsInput } from "./schemas";

/**
 * Pins an entry on top of the live blog or marks it a key event (or takes either back). What
 * readers see first is an editorial decision: whoever may publish in this live blog makes it.
 * Flags are not text: neither the entry's version nor its "updated" mark changes.
 */
export async function setLiveEntryFlags({ ctx, input }: VerbArgs<SetLiveEntryFlagsInput>): Promise<{ id: number; pinned: boolean; keyEvent: boolean }> {
  const { id, pinned, keyEvent } = parseInput(SetLiveEntryFlagsInput, input);
  return withTransaction(ctx, async (tx) => {
    const entry = await getLiveEntryForUpdateOrThrow(tx, id);
    assertCanPublishLiveEntry(ctx.viewer, await getLiveBlogOrThrow(tx, entry.articleId));
    const next = { pinned: pinned ?? entry.pinned, keyEvent: keyEvent ?? entry.keyEvent };
    const published = entry.publishedAt !== null;
    await tx
      .update(liveEntries)
      .set({ ...next, updatedAt: sql`now()`, ...(published ? { revision: await nextRevision(tx, entry.articleId) } : {}) })
      .where(eq(liveEntries.id, id));
    await audit(tx, ctx, { action: "live_entry.flags", target: "live_entry", id, summary: { articleId: entry.articleId, from: { pinned: entry.pinned, keyEvent: entry.keyEvent }, to: next } });
    await announceLiveDeskChange(tx, entry.articleId);
    if (published) await announceReaderChange(tx, await liveEntryTags(tx, entry.articleId));
    return { id, ...next };
  });
}
