import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { Invalid, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import type { Db } from "../client";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { articleRevisions, articles, media, sections, users } from "../schema";
import { freeSlug } from "./fields";
import { assertVersion, getArticleForUpdateOrThrow, type LockedArticle } from "./load";
import { writeWorkingCopy, type SaveArticleData } from "./save";
import { SaveArticleInput, WorkflowInput } from "./schemas";

export const RestoreRevisionInput = WorkflowInput.pick({ id: true, version: true }).extend({
  revisionId: WorkflowInput.shape.id,
});
export type RestoreRevisionInput = z.input<typeof RestoreRevisionInput>;

/** Parts of the old version that could not come back because their target is gone. */
export const RESTORE_DROPPABLE = ["section", "leadImage", "slug", "authors", "related"] as const;
export type RestoreDropped = (typeof RESTORE_DROPPABLE)[number];

/**
 * Brings an older revision back as the working copy. It is a save like any other: it needs
 * the edit right and the current version, and it writes a new revision ("restored from
 * version N"). Nothing is deleted — later revisions stay in the history. Metadata whose
 * target has gone (a deleted image, a related article, a departed author, an address now
 * used by another article) is left out and reported in `dropped`, not turned into an error.
 */
export async function restoreRevision({ ctx, input }: VerbArgs<RestoreRevisionInput>) {
  const { id, version, revisionId } = parseInput(RestoreRevisionInput, input);
  try {
    return await withTransaction(ctx, async (tx) => {
      // Refuse the wrong person before saying anything about the revision.
      const article = await getArticleForUpdateOrThrow(tx, id);
      assertCan(ctx.viewer, "article.edit", article);
      assertVersion(article, version);
      const [revision] = await tx
        .select()
        .from(articleRevisions)
        .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, id)));
      if (!revision) throw new NotFound("history.revisionNotFound");
      const { data, dropped } = await saveDataFrom(tx, article, revision);
      const result = await writeWorkingCopy(tx, ctx, data, { kind: "restore", restoredFrom: revision.version });
      return { ...result, restoredFrom: revision.version, dropped };
    });
  } catch (error) {
    if (isUniqueViolation(error, "articles_section_slug_key")) throw new Invalid({ slug: ["validation.slugTaken"] });
    throw error;
  }
}

type Revision = typeof articleRevisions.$inferSelect;

/** The save input that makes the working copy look like `revision` again, minus what no longer exists. */
async function saveDataFrom(tx: Db, article: LockedArticle, revision: Revision): Promise<{ data: SaveArticleData; dropped: RestoreDropped[] }> {
  const dropped: RestoreDropped[] = [];
  const base = { id: article.id, version: article.version, headline: revision.headline, standfirst: revision.standfirst, body: revision.body };
  const f = revision.fields;
  if (!f) {
    // Written before revisions kept metadata: only the text comes back; settings stay as they are.
    const data = parseInput(SaveArticleInput, {
      ...base,
      sectionId: article.sectionId,
      language: article.language,
      seoTitle: article.seoTitle,
      seoDescription: article.seoDescription,
      leadImageId: article.leadImageId,
      leadCaption: article.leadCaption,
      leadCredit: article.leadCredit,
      leadAlt: article.leadAlt,
    });
    return { data, dropped };
  }

  let sectionId = f.sectionId;
  const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
  if (!section) {
    sectionId = article.sectionId;
    dropped.push("section");
  }

  let leadImage = f.leadImage;
  if (leadImage) {
    const [image] = await tx.select({ id: media.id }).from(media).where(eq(media.id, leadImage.mediaId));
    if (!image) {
      leadImage = null;
      dropped.push("leadImage");
    }
  }

  let slug: string | undefined = f.slug;
  if (slug !== article.slug || sectionId !== article.sectionId) {
    if ((await freeSlug(tx, slug, sectionId, article.id)) !== slug) {
      slug = undefined; // the article keeps (or derives) an address of its own
      dropped.push("slug");
    }
  }

  let authorIds: number[] | undefined = f.authorIds;
  if (authorIds.length) {
    const active = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, authorIds), eq(users.active, true)));
    const kept = authorIds.filter((uid) => active.some((a) => a.id === uid));
    if (kept.length < authorIds.length) dropped.push("authors");
    authorIds = kept.length ? kept : undefined; // nobody left: the current byline stays
  } else {
    authorIds = undefined;
  }

  let related = f.related;
  const targetIds = related.flatMap((l) => ("articleId" in l ? [l.articleId] : []));
  if (targetIds.length) {
    const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, targetIds));
    const kept = related.filter((l) => !("articleId" in l) || (l.articleId !== article.id && found.some((t) => t.id === l.articleId)));
    if (kept.length < related.length) dropped.push("related");
    related = kept;
  }

  const data = parseInput(SaveArticleInput, {
    ...base,
    sectionId,
    language: f.language,
    slug,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    leadImageId: leadImage?.mediaId ?? null,
    leadCaption: leadImage?.caption ?? "",
    leadCredit: leadImage?.credit ?? "",
    leadAlt: leadImage?.alt ?? "",
    authorIds,
    tags: f.tags,
    related,
  });
  return { data, dropped };
}
