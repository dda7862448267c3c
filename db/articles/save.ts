import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { articleRevisions, articles, articleTags, relatedLinks } from "../schema";
import { ensureTags } from "../tags/ensure";
import { actorId, assertVersion, getArticleForUpdateOrThrow } from "./load";
import { freeSlug, prepareArticleFields, slugForHeadline } from "./fields";
import { SaveArticleInput } from "./schemas";

/**
 * Saves the working copy. The caller sends the version it started from; if someone saved
 * in between, this throws `Conflict` and writes nothing. A published article's readers
 * see no change until an editor publishes the update.
 */
export async function saveArticle({ ctx, input }: VerbArgs<SaveArticleInput>) {
  const data = parseInput(SaveArticleInput, input);
  return withTransaction(ctx, async (tx) => {
    const article = await getArticleForUpdateOrThrow(tx, data.id);
    assertCan(ctx.viewer, "article.edit", article);
    assertVersion(article, data.version);
    const derived = await prepareArticleFields(tx, data);
    // The URL follows the headline until the article is first published; after that it stays
    // (moved to another section, it keeps its name if that is free there).
    const slug =
      article.publishedVersion === null
        ? data.headline !== article.headline || data.sectionId !== article.sectionId
          ? await slugForHeadline(tx, data.headline, data.sectionId, article.id)
          : article.slug
        : data.sectionId !== article.sectionId
          ? await freeSlug(tx, article.slug, data.sectionId, article.id)
          : article.slug;
    const version = article.version + 1;
    const by = actorId(ctx);
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
        version,
        updatedById: by,
        updatedAt: sql`now()`,
      })
      .where(eq(articles.id, article.id));
    if (data.tags) {
      const tagIds = await ensureTags(tx, data.tags);
      await tx.delete(articleTags).where(eq(articleTags.articleId, article.id));
      if (tagIds.length) {
        await tx.insert(articleTags).values(tagIds.map((tagId, position) => ({ articleId: article.id, tagId, position })));
      }
    }
    if (data.related) {
      const targetIds = data.related.flatMap((l) => ("articleId" in l ? [l.articleId] : []));
      if (targetIds.length) {
        const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, targetIds));
        if (found.length !== new Set(targetIds).size) {
          throw new Invalid({ related: ["validation.relatedMissing"] });
        }
      }
      await tx.delete(relatedLinks).where(eq(relatedLinks.articleId, article.id));
      if (data.related.length) {
        await tx.insert(relatedLinks).values(
          data.related.map((link, position) => ({
            articleId: article.id,
            position,
            title: link.title,
            ...("articleId" in link ? { targetArticleId: link.articleId } : { url: link.url }),
          })),
        );
      }
    }
    await tx.insert(articleRevisions).values({
      articleId: article.id,
      version,
      kind: data.autosave ? "autosave" : "save",
      headline: data.headline,
      standfirst: data.standfirst,
      body: derived.body,
      createdById: by,
    });
    return { id: article.id, version, slug, status: article.status };
  });
}
