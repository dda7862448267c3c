import "server-only";
import { eq, sql } from "drizzle-orm";
import { Conflict } from "@/lib/errors";
import { assertCanEditLiveEntry } from "@/lib/permissions";
import { bodyText, parseBody, renderBody } from "@/lib/content/body";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { liveEntries } from "../schema";
import { announceReaderChange, liveEntryTags } from "../reader-cache";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getLiveBlogOrThrow, getLiveEntryForUpdateOrThrow, nextRevision } from "./load";
import { UpdateLiveEntryInput } from "./schemas";

/**
 * Changes an entry's title and text. A published entry is re-rendered at once and marked
 * "updated" for readers (its own time stays); a draft just changes. Writers co-authoring one
 * entry are caught by its `version`, like the article form's conflict.
 */
export async function updateLiveEntry({ ctx, input }: VerbArgs<UpdateLiveEntryInput>): Promise<{ id: number; version: number }> {
  const { id, version, title, body } = parseInput(UpdateLiveEntryInput, input);
  const doc = parseBody(body);
  return withTransaction(ctx, async (tx) => {
    const entry = await getLiveEntryForUpdateOrThrow(tx, id);
    const blog = await getLiveBlogOrThrow(tx, entry.articleId);
    assertCanEditLiveEntry(ctx.viewer, entry, blog);
    if (entry.version !== version) throw new Conflict("errors.conflict", entry.version);
    const published = entry.publishedAt !== null;
    const authorIds = entry.authorIds.includes(ctx.viewer!.id) ? entry.authorIds : [...entry.authorIds, ctx.viewer!.id];
    const [row] = await tx
      .update(liveEntries)
      .set({
        title,
        body: doc.toJSON(),
        authorIds,
        version: version + 1,
        updatedAt: sql`now()`,
        ...(published
          ? { bodyHtml: renderBody(doc), bodyText: bodyText(doc), editedAt: sql`now()`, revision: await nextRevision(tx, entry.articleId) }
          : {}),
      })
      .where(eq(liveEntries.id, id))
      .returning({ id: liveEntries.id, version: liveEntries.version });
    await audit(tx, ctx, { action: "live_entry.update", target: "live_entry", id, summary: { articleId: entry.articleId, published, title } });
    await announceLiveDeskChange(tx, entry.articleId);
    if (published) await announceReaderChange(tx, await liveEntryTags(tx, entry.articleId));
    return row;
  });
}
