import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { Invalid, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { audit } from "../audit/record";
import { articleRevisions, articles } from "../schema";
import { announceCollabChange } from "./collab-events";
import { actorId, assertVersion, lockArticle, settleDueSchedule } from "./load";
import { currentFields, recordRevision } from "./revision-log";
import { writeRelations } from "./save";
import { DraftCopy, WorkflowInput } from "./schemas";
import { draftColumns } from "./store-collab";

export const RestoreRevisionInput = WorkflowInput.pick({ id: true, version: true }).extend({
  revisionId: WorkflowInput.shape.id,
});
export type RestoreRevisionInput = z.input<typeof RestoreRevisionInput>;

/** Parts of the old version that could not come back because their target is gone. */
export const RESTORE_DROPPABLE = ["section", "leadImage", "slug", "authors", "related"] as const;
export type RestoreDropped = (typeof RESTORE_DROPPABLE)[number];

/**
 * Brings an older revision back as the working copy. It is a forward change like any other
 * edit: it needs the edit right and the current version, and it writes a new revision
 * ("restored from version N"). Nothing is deleted — later revisions stay in the history. Like
 * the co-edited draft it replaces, it need not be complete (no section, an image without
 * credit): only submit and publish ask for that. Metadata whose target has gone (a deleted
 * image, a related article, a departed author, an address now used by another article) is
 * left out and reported in `dropped`, not turned into an error. Open editors receive it as a
 * change to the shared document (the `external` working-copy event).
 */
export async function restoreRevision({ ctx, input }: VerbArgs<RestoreRevisionInput>) {
  const { id, version, revisionId } = parseInput(RestoreRevisionInput, input);
  try {
    return await restoreIn(ctx, id, version, revisionId);
  } catch (error) {
    // Two people claiming one address at the same moment: the loser hears it like any clash.
    if (isUniqueViolation(error, "articles_section_slug_key")) throw new Invalid({ slug: ["validation.slugTaken"] });
    throw error;
  }
}

function restoreIn(ctx: VerbArgs<RestoreRevisionInput>["ctx"], id: number, version: number, revisionId: number) {
  return withTransaction(ctx, async (tx) => {
    // Refuse the wrong person before saying anything about the revision.
    const article = await lockArticle(tx, id);
    await settleDueSchedule(tx, article);
    assertCan(ctx.viewer, "article.edit", article);
    assertVersion(article, version);
    const [revision] = await tx
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, id)));
    if (!revision) throw new NotFound("history.revisionNotFound");
    // Written before revisions kept metadata: only the text comes back; settings stay as they are.
    const f = revision.fields ?? (await currentFields(tx, id));
    const copy = parseInput(DraftCopy, {
      headline: revision.headline,
      standfirst: revision.standfirst,
      body: revision.body,
      sectionId: f.sectionId,
      language: f.language,
      slug: f.slug,
      seoTitle: f.seoTitle,
      seoDescription: f.seoDescription,
      leadImageId: f.leadImage?.mediaId ?? null,
      leadCaption: f.leadImage?.caption ?? "",
      leadCredit: f.leadImage?.credit ?? "",
      leadAlt: f.leadImage?.alt ?? "",
      authorIds: f.authorIds,
      tags: f.tags,
      related: f.related,
    });
    const { columns, relations, dropped: problems } = await draftColumns(tx, article, copy);
    const next = article.version + 1;
    await tx
      .update(articles)
      .set({ ...columns, version: next, updatedById: actorId(ctx), updatedAt: sql`now()` })
      .where(eq(articles.id, article.id));
    await writeRelations(tx, article.id, relations);
    await recordRevision(tx, ctx, { articleId: article.id, version: next, kind: "restore", restoredFrom: revision.version });
    await announceCollabChange(tx, { articleId: article.id, version: next, source: "external" });
    await audit(tx, ctx, { action: "article.restore", target: "article", id: article.id, summary: { version: next, restoredFrom: revision.version, headline: columns.headline, status: article.status } });
    const dropped = [...new Set(problems.flatMap(([field, message]) => (DROPPED_BY_FIELD[`${field} ${message}`] ? [DROPPED_BY_FIELD[`${field} ${message}`]] : [])))];
    return { id: article.id, version: next, slug: columns.slug, status: article.status, restoredFrom: revision.version, dropped };
  });
}

/** What the draft check left out, in the words of the history page (an empty byline or tag list is no loss). */
const DROPPED_BY_FIELD: Record<string, RestoreDropped> = {
  "sectionId validation.sectionUnknown": "section",
  "leadImageId validation.mediaUnknown": "leadImage",
  "slug validation.slugTaken": "slug",
  "slug validation.slugInvalid": "slug",
  "authorIds validation.bylineUnknown": "authors",
  "related validation.relatedMissing": "related",
};
