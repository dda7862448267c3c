import "server-only";
import { and, asc, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { articleAuthors, articleRevisions, articles, articleTags, relatedLinks, tags, type RevisionFields } from "../schema";
import { actorId } from "./load";

/** Autosaves by one person within this window become one revision. */
export const AUTOSAVE_COALESCE_MINUTES = 10;

type RevisionKind = (typeof articleRevisions.$inferInsert)["kind"];

/** The article's metadata as stored now, in the shape revisions keep (and restore takes back). */
export async function currentFields(tx: Db, articleId: number): Promise<RevisionFields> {
  const [a] = await tx.select().from(articles).where(eq(articles.id, articleId));
  const authorRows = await tx
    .select({ userId: articleAuthors.userId })
    .from(articleAuthors)
    .where(eq(articleAuthors.articleId, articleId))
    .orderBy(asc(articleAuthors.position));
  const tagRows = await tx
    .select({ name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(articleTags.position));
  const links = await tx
    .select()
    .from(relatedLinks)
    .where(eq(relatedLinks.articleId, articleId))
    .orderBy(asc(relatedLinks.position));
  return {
    sectionId: a.sectionId,
    slug: a.slug,
    language: a.language,
    seoTitle: a.seoTitle,
    seoDescription: a.seoDescription,
    leadImage: a.leadImageId === null ? null : { mediaId: a.leadImageId, caption: a.leadCaption, credit: a.leadCredit, alt: a.leadAlt },
    authorIds: authorRows.map((r) => r.userId),
    tags: tagRows.map((r) => r.name),
    related: links.map((l) => (l.targetArticleId !== null ? { articleId: l.targetArticleId, title: l.title } : { url: l.url ?? "", title: l.title })),
  };
}

/**
 * Writes a revision of the article as it stands now. Manual saves, workflow steps and
 * restores always get their own; an autosave folds into the same person's previous autosave
 * when that is recent, so history is not thousands of entries of half-typed sentences.
 */
export async function recordRevision(
  tx: Db,
  ctx: Ctx,
  args: { articleId: number; version: number; kind: RevisionKind; restoredFrom?: number },
): Promise<void> {
  const [a] = await tx
    .select({ headline: articles.headline, standfirst: articles.standfirst, body: articles.body })
    .from(articles)
    .where(eq(articles.id, args.articleId));
  const by = actorId(ctx);
  const content = { version: args.version, headline: a.headline, standfirst: a.standfirst, body: a.body, fields: await currentFields(tx, args.articleId) };
  if (args.kind === "autosave") {
    // One revision per person per window, also while others write in between (co-editing):
    // this person's latest revision, if it is a recent autosave with no workflow step,
    // manual save or restore after it.
    const [last] = await tx
      .select({ id: articleRevisions.id, kind: articleRevisions.kind, recent: sql<boolean>`${articleRevisions.createdAt} > now() - make_interval(mins => ${AUTOSAVE_COALESCE_MINUTES})` })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, args.articleId), by === null ? isNull(articleRevisions.createdById) : eq(articleRevisions.createdById, by)))
      .orderBy(desc(articleRevisions.id))
      .limit(1);
    const [milestone] = last
      ? await tx
          .select({ id: articleRevisions.id })
          .from(articleRevisions)
          .where(and(eq(articleRevisions.articleId, args.articleId), gt(articleRevisions.id, last.id), ne(articleRevisions.kind, "autosave")))
          .limit(1)
      : [];
    if (last && last.kind === "autosave" && last.recent && !milestone) {
      await tx
        .update(articleRevisions)
        .set({ ...content, updatedAt: sql`now()` })
        .where(and(eq(articleRevisions.id, last.id)));
      return;
    }
  }
  await tx.insert(articleRevisions).values({
    articleId: args.articleId,
    kind: args.kind,
    restoredFrom: args.restoredFrom ?? null,
    createdById: by,
    ...content,
  });
}
