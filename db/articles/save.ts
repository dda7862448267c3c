import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { isUniqueViolation, parseInput, withTransaction, type Ctx, type VerbArgs } from "../context";
import { audit } from "../audit/record";
import { articleAuthors, articles, articleTags, media, relatedLinks, users } from "../schema";
import { ensureTags } from "../tags/ensure";
import { actorId, assertVersion, lockArticle, settleDueSchedule, type LockedArticle } from "./load";
import { freeSlug, prepareArticleFields, slugForHeadline } from "./fields";
import { announceCollabChange } from "./collab-events";
import { recordRevision } from "./revision-log";
import { SaveArticleInput } from "./schemas";

export type SaveArticleData = z.output<typeof SaveArticleInput>;

/**
 * Saves the working copy. The caller sends the version it started from; if someone saved
 * in between, this throws `Conflict` and writes nothing. A published article's readers
 * see no change until an editor publishes the update.
 */
export async function saveArticle({ ctx, input }: VerbArgs<SaveArticleInput>) {
  const data = parseInput(SaveArticleInput, input);
  try {
    return await withTransaction(ctx, (tx) => writeWorkingCopy(tx, ctx, data, { kind: data.autosave ? "autosave" : "save" }));
  } catch (error) {
    // Two people claiming one address at the same moment: the loser hears it like any clash.
    if (isUniqueViolation(error, "articles_section_slug_key")) throw new Invalid({ slug: ["validation.slugTaken"] });
    throw error;
  }
}

/** The write shared by save and restore, inside the caller's transaction. */
export async function writeWorkingCopy(
  tx: Db,
  ctx: Ctx,
  data: SaveArticleData,
  revision: { kind: "save" | "autosave" | "restore"; restoredFrom?: number },
) {
  const article = await lockArticle(tx, data.id);
  await settleDueSchedule(tx, article);
  assertCan(ctx.viewer, "article.edit", article);
  assertVersion(article, data.version);
  const derived = await prepareArticleFields(tx, data);
  const slug = await nextSlug(tx, article, data);
  if (data.leadImageId !== article.leadImageId) await assertMediaExists(tx, data.leadImageId);
  const version = article.version + 1;
  await tx
    .update(articles)
    .set({
      headline: data.headline,
      standfirst: data.standfirst,
      sectionId: data.sectionId,
      language: data.language,
      body: derived.body,
      wordCount: derived.wordCount,
      slug,
      ...metadataColumns(data),
      version,
      updatedById: actorId(ctx),
      updatedAt: sql`now()`,
    })
    .where(eq(articles.id, article.id));
  await writeRelations(tx, article.id, data);
  await recordRevision(tx, ctx, { articleId: article.id, version, kind: revision.kind, restoredFrom: revision.restoredFrom });
  // Written beside the co-editing document: open editors get it as a forward change.
  await announceCollabChange(tx, { articleId: article.id, version, source: "external" });
  await audit(tx, ctx, { action: revision.kind === "restore" ? "article.restore" : "article.save", target: "article", id: article.id, summary: { version, kind: revision.kind, restoredFrom: revision.restoredFrom, headline: changed(article.headline, data.headline), status: article.status } });
  return { id: article.id, version, slug, status: article.status };
}

type WriteData = Omit<SaveArticleData, "id" | "version" | "autosave">;

/** The article's own metadata columns (caption, credit and alt only travel with an image). */
export function metadataColumns(data: Pick<WriteData, "seoTitle" | "seoDescription" | "leadImageId" | "leadCaption" | "leadCredit" | "leadAlt">) {
  const image = data.leadImageId !== null;
  return {
    seoTitle: data.seoTitle,
    seoDescription: data.seoDescription,
    leadImageId: data.leadImageId,
    leadCaption: image ? data.leadCaption : "",
    leadCredit: image ? data.leadCredit : "",
    leadAlt: image ? data.leadAlt : "",
  };
}

export async function assertMediaExists(tx: Db, mediaId: number | null): Promise<void> {
  if (mediaId === null) return;
  const [image] = await tx.select({ id: media.id }).from(media).where(eq(media.id, mediaId));
  if (!image) throw new Invalid({ leadImageId: ["validation.mediaUnknown"] });
}

/** Bylines, tags and related links: each list that was sent replaces the stored one. */
export async function writeRelations(tx: Db, articleId: number, data: Pick<WriteData, "authorIds" | "tags" | "related">) {
  if (data.authorIds) await replaceBylines(tx, articleId, data.authorIds);
  if (data.tags) {
    const tagIds = await ensureTags(tx, data.tags);
    await tx.delete(articleTags).where(eq(articleTags.articleId, articleId));
    if (tagIds.length) {
      await tx.insert(articleTags).values(tagIds.map((tagId, position) => ({ articleId, tagId, position })));
    }
  }
  if (data.related) await replaceRelated(tx, articleId, data.related);
}

/**
 * A slug typed by hand is taken exactly, or refused with a clear message. Otherwise the
 * address follows the headline until the article is first published — unless someone set it
 * by hand earlier — and after that it stays (moved to another section, it keeps its name if free).
 */
async function nextSlug(tx: Db, article: LockedArticle, data: SaveArticleData): Promise<string> {
  if (data.slug !== undefined && data.slug !== article.slug) {
    const free = await freeSlug(tx, data.slug, data.sectionId, article.id);
    if (free !== data.slug) throw new Invalid({ slug: ["validation.slugTaken"] });
    return data.slug;
  }
  const movedOrRenamed = data.headline !== article.headline || data.sectionId !== article.sectionId;
  if (article.publishedVersion === null && movedOrRenamed && followsHeadline(article.slug, article.headline)) {
    return slugForHeadline(tx, data.headline, data.sectionId, article.id);
  }
  if (data.sectionId !== article.sectionId) return freeSlug(tx, article.slug, data.sectionId, article.id);
  return article.slug;
}

/** Whether a slug is the one Copydesk made from the headline (plus a clash suffix), not a hand-set one. */
export function followsHeadline(slug: string, headline: string): boolean {
  const base = slugify(headline) || "artikel";
  return slug === base || (slug.startsWith(`${base}-`) && /^\d+$/.test(slug.slice(base.length + 1)));
}

async function replaceBylines(tx: Db, articleId: number, authorIds: number[]) {
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, authorIds), eq(users.active, true)));
  if (found.length !== authorIds.length) throw new Invalid({ authorIds: ["validation.bylineUnknown"] });
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  await tx.insert(articleAuthors).values(authorIds.map((userId, position) => ({ articleId, userId, position })));
}

async function replaceRelated(tx: Db, articleId: number, related: NonNullable<SaveArticleData["related"]>) {
  const targetIds = related.flatMap((l) => ("articleId" in l ? [l.articleId] : []));
  if (targetIds.length) {
    const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, targetIds));
    if (found.length !== new Set(targetIds).size) throw new Invalid({ related: ["validation.relatedMissing"] });
    if (targetIds.includes(articleId)) throw new Invalid({ related: ["validation.relatedSelf"] });
  }
  await tx.delete(relatedLinks).where(eq(relatedLinks.articleId, articleId));
  if (related.length) {
    await tx.insert(relatedLinks).values(
      related.map((link, position) => ({
        articleId,
        position,
        title: link.title,
        ...("articleId" in link ? { targetArticleId: link.articleId } : { url: link.url }),
      })),
    );
  }
}

/** Before and after for the audit log, when a value changed. */
function changed<T>(before: T, after: T): { before: T; after: T } | undefined {
  return before === after ? undefined : { before, after };
}
