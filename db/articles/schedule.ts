import "server-only";
import { sql } from "drizzle-orm";
import { fromNewsroomWallClock } from "@/lib/dates";
import { Invalid } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { notifyForStep } from "../notifications/notify";
import { currentAddress, keepOldAddress } from "../publications/redirects";
import { buildSnapshot, searchDocument } from "../publications/snapshot";
import { publications } from "../schema";
import { recordRevision } from "./revision-log";
import { ScheduleInput } from "./schemas";
import { applyTransition } from "./transition";
import { announceReaderChange, currentPublicationTags } from "../reader-cache";

const MAX_AHEAD_MS = 2 * 365 * 24 * 3600 * 1000;

/**
 * Publishes at a later time. The snapshot is written now with `visible_from` in the future;
 * every reader query asks `visible_from <= now()`, so the article appears on time on every
 * instance, after any restart, exactly once — no job has to run.
 */
export async function scheduleArticle({ ctx, input }: VerbArgs<ScheduleInput>) {
  const data = parseInput(ScheduleInput, input);
  const at = fromNewsroomWallClock(data.at);
  if (!at) throw new Invalid({ at: ["validation.scheduleInvalid"] });
  if (at.getTime() <= Date.now()) throw new Invalid({ at: ["validation.scheduleInPast"] });
  if (at.getTime() - Date.now() > MAX_AHEAD_MS) throw new Invalid({ at: ["validation.scheduleTooFar"] });
  return withTransaction(ctx, async (tx) => {
    // A schedule can replace a live publication (it disappears until the new time).
    const before = await currentPublicationTags(tx, data.id);
    let url = "";
    const result = await applyTransition(tx, ctx, { ...data, action: "schedule", capability: "article.schedule" }, async (article, nextVersion) => {
      const previous = await currentAddress(tx, article.id);
      const snapshot = await buildSnapshot(tx, article);
      const search = searchDocument(snapshot);
      const when = at.toISOString();
      await tx
        .insert(publications)
        .values({ articleId: article.id, ...snapshot, search, publishedAt: sql`${when}::timestamptz`, updatedAt: sql`${when}::timestamptz`, visibleFrom: sql`${when}::timestamptz`, version: nextVersion })
        .onConflictDoUpdate({
          target: publications.articleId,
          set: { ...snapshot, search, publishedAt: sql`${when}::timestamptz`, updatedAt: sql`${when}::timestamptz`, visibleFrom: sql`${when}::timestamptz`, version: nextVersion },
        });
      url = `/${snapshot.sectionSlug}/${snapshot.slug}`;
      await keepOldAddress(tx, article.id, previous, snapshot); // a changed slug or section keeps the old URL working
      return { publishedVersion: nextVersion };
    });
    await recordRevision(tx, ctx, { articleId: result.id, version: result.version, kind: "publish" });
    await notifyForStep(tx, ctx, { articleId: result.id, kind: "scheduled", note: at.toISOString() });
    await announceReaderChange(tx, before);
    return { ...result, url, scheduledFor: at.toISOString() };
  });
}
