import "server-only";
import { sql } from "drizzle-orm";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { buildSnapshot, searchDocument } from "../publications/snapshot";
import { Invalid } from "@/lib/errors";
import { notifyForStep } from "../notifications/notify";
import { articleCorrections, publications } from "../schema";
import { actorId } from "./load";
import { announceReaderChange, currentPublicationTags } from "../reader-cache";
import { recordRevision } from "./revision-log";
import { PublishInput } from "./schemas";
import { applyTransition } from "./transition";

/**
 * Publishes the working copy: writes the reader snapshot and moves the status in one
 * transaction, so readers see the old or the new article, never a mix. Publishing an
 * already-published article publishes its update (the first publication time is kept).
 */
export async function publishArticle({ ctx, input }: VerbArgs<PublishInput>) {
  const data = parseInput(PublishInput, input);
  return withTransaction(ctx, async (tx) => {
    const before = await currentPublicationTags(tx, data.id);
    let snapshotUrl = "";
    const result = await applyTransition(
      tx,
      ctx,
      { ...data, action: "publish", capability: "article.publish" },
      async (article, nextVersion) => {
        if (data.correctionText) {
          // A public note belongs to an update of something readers have already seen.
          if (article.status !== "published") throw new Invalid({ correctionText: ["validation.correctionOnlyUpdates"] });
          await tx.insert(articleCorrections).values({ articleId: article.id, kind: data.correctionKind, text: data.correctionText, createdById: actorId(ctx) });
        }
        const snapshot = await buildSnapshot(tx, article);
        const now = sql`now()`;
        const search = searchDocument(snapshot);
        await tx
          .insert(publications)
          .values({ articleId: article.id, ...snapshot, search, publishedAt: now, updatedAt: now, visibleFrom: now, version: nextVersion })
          .onConflictDoUpdate({
            target: publications.articleId,
            // An update keeps the first publication time and visibility; only content and updatedAt move.
            set: { ...snapshot, search, updatedAt: now, version: nextVersion },
          });
        snapshotUrl = `/${snapshot.sectionSlug}/${snapshot.slug}`;
        return { publishedVersion: nextVersion };
      },
    );
    await recordRevision(tx, ctx, { articleId: result.id, version: result.version, kind: "publish" });
    await notifyForStep(tx, ctx, { articleId: result.id, kind: "published", note: data.correctionText });
    await announceReaderChange(tx, [...before, ...(await currentPublicationTags(tx, result.id))]);
    return { ...result, url: snapshotUrl };
  });
}
