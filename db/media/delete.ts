import "server-only";
import { eq, like, or, sql } from "drizzle-orm";
import { readerTags } from "@/lib/cache/tags";
import { Conflict, Forbidden, NotFound } from "@/lib/errors";
import { mediaUploadId, type MediaStorage } from "@/lib/media/storage";
import { canEditMedia } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { articles, media, publications, users } from "../schema";
import { audit } from "../audit/record";
import { announceReaderChange } from "../reader-cache";
import { DeleteMediaInput } from "./schemas";
import { mediaStorage } from "./storage";

/**
 * Removes an image from the library: the row (with its audit row) in one transaction, then its
 * files, then its renditions from every instance's memory and at the edge. Refused while anything shows it (an article's lead
 * image or text, a published page, an author photo): readers would get broken images. Who may
 * change an image's defaults may delete it: its uploader, or whoever may edit all media.
 * Files go after the commit: a rolled-back delete never leaves a row pointing at nothing; a
 * failed file removal (the error reaches the caller) leaves an unreferenced file, which harms nobody.
 */
export async function deleteMedia({ ctx, input, storage = mediaStorage() }: VerbArgs<DeleteMediaInput> & { storage?: MediaStorage }) {
  const { id } = parseInput(DeleteMediaInput, input);
  const removed = await withTransaction(ctx, async (tx) => {
    const [item] = await tx.select().from(media).where(eq(media.id, id)).for("update");
    if (!item) throw new NotFound("errors.mediaNotFound");
    if (!ctx.viewer) throw new Forbidden("errors.signInFirst");
    if (!canEditMedia(ctx.viewer, item)) throw new Forbidden("errors.mediaDeleteOwnOnly");
    // The upload's uuid appears in every URL of its renditions, in stored JSON and HTML alike.
    const uuid = mediaUploadId(item.storageKey)!;
    const pattern = `%/${uuid}/%`;
    // One after the other: a transaction is one connection.
    const uses = [
      await tx.select({ id: articles.id }).from(articles).where(or(eq(articles.leadImageId, id), sql`${articles.body}::text like ${pattern}`)).limit(1),
      await tx.select({ id: publications.articleId }).from(publications).where(or(like(publications.bodyHtml, pattern), sql`${publications.leadImage}::text like ${pattern}`)).limit(1),
      await tx.select({ id: users.id }).from(users).where(eq(users.avatarMediaId, id)).limit(1),
    ];
    if (uses.some((rows) => rows.length > 0)) throw new Conflict("errors.mediaInUse");
    await tx.delete(media).where(eq(media.id, id));
    await audit(tx, ctx, { action: "media.delete", target: "media", id, summary: { filename: item.filename, bytes: item.bytes } });
    return { uuid, keys: [item.storageKey, ...item.variants.map((v) => v.key)] };
  });
  // Committed (or, inside a caller's transaction, as far as this verb can tell): the files go,
  // then the edge's copies — renditions are cached for a year.
  await Promise.all(removed.keys.map((key) => storage.delete(key)));
  // Announced once the files are gone, so that nothing can read them back into a cache after:
  // every instance drops them from memory (NOTIFY), and the edge is purged.
  await withTransaction(ctx, (tx) => announceReaderChange(tx, [readerTags.media(removed.uuid)]));
  return removed;
}
