import "server-only";
import { eq, sql } from "drizzle-orm";
import { Conflict, Invalid } from "@/lib/errors";
import { assertCanPublishLiveEntry } from "@/lib/permissions";
import { bodyText, parseBody, renderBody } from "@/lib/content/body";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { liveEntries } from "../schema";
import { announceReaderChange, liveEntryTags } from "../reader-cache";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getOpenLiveBlogOrThrow, getLiveEntryForUpdateOrThrow, nextRevision } from "./load";
import { PublishLiveEntryInput } from "./schemas";

/**
 * Publishes a draft entry: rendered and sanitized now (readers never cause a render), given its
 * own time, and announced to readers' open pages through the live blog's revision.
 */
export async function publishLiveEntry({ ctx, input }: VerbArgs<PublishLiveEntryInput>): Promise<{ id: number; version: number; publishedAt: Date }> {
  const { id, version } = parseInput(PublishLiveEntryInput, input);
  return withTransaction(ctx, async (tx) => {
    const entry = await getLiveEntryForUpdateOrThrow(tx, id);
    const blog = await getOpenLiveBlogOrThrow(tx, entry.articleId);
    assertCanPublishLiveEntry(ctx.viewer, blog);
    if (entry.version !== version) throw new Conflict("errors.conflict", entry.version);
    if (entry.publishedAt) throw new Invalid({ form: ["errors.liveEntryAlreadyPublished"] });
    if (blog.liveState === "ended") throw new Invalid({ form: ["errors.liveEnded"] });
    const doc = parseBody(entry.body);
    const text = bodyText(doc);
    if (!text.trim() && !entry.title) throw new Invalid({ body: ["validation.liveEntryEmpty"] });
    const [row] = await tx
      .update(liveEntries)
      .set({ bodyHtml: renderBody(doc), bodyText: text, publishedAt: sql`now()`, updatedAt: sql`now()`, version: version + 1, revision: await nextRevision(tx, entry.articleId) })
      .where(eq(liveEntries.id, id))
      .returning({ id: liveEntries.id, version: liveEntries.version, publishedAt: liveEntries.publishedAt });
    await audit(tx, ctx, { action: "live_entry.publish", target: "live_entry", id, summary: { articleId: entry.articleId, title: entry.title } });
    await announceLiveDeskChange(tx, entry.articleId);
    await announceReaderChange(tx, await liveEntryTags(tx, entry.articleId));
    return { ...row, publishedAt: row.publishedAt! };
  });
}
