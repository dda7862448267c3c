import "server-only";
import { assertCan } from "@/lib/permissions";
import type { z } from "zod";
import { isUniqueViolation, parseInput, withTransaction, type Ctx, type VerbArgs } from "../context";
import { articleAuthors, articles } from "../schema";
import { recordRevision } from "./revision-log";
import { actorId, recordEvent } from "./load";
import { prepareArticleFields, slugForHeadline } from "./fields";
import { CreateArticleInput } from "./schemas";

/** A new draft, bylined to the person who started it. */
export async function createArticle({ ctx, input }: VerbArgs<CreateArticleInput>) {
  const data = parseInput(CreateArticleInput, input);
  assertCan(ctx.viewer, "article.create");
  // Two people starting articles with the same headline at the same moment can both see a
  // slug as free; the loser of the unique index simply tries again with the next one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertDraft(ctx, data);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error, "articles_section_slug_key")) throw error;
    }
  }
}

async function insertDraft(ctx: Ctx, data: z.output<typeof CreateArticleInput>) {
  return withTransaction(ctx, async (tx) => {
    const derived = await prepareArticleFields(tx, data);
    const slug = await slugForHeadline(tx, data.headline, data.sectionId);
    const by = actorId(ctx);
    const [article] = await tx
      .insert(articles)
      .values({
        sectionId: data.sectionId,
        slug,
        headline: data.headline,
        standfirst: data.standfirst,
        language: data.language,
        body: derived.body,
        wordCount: derived.wordCount,
        createdById: by,
        updatedById: by,
      })
      .returning({ id: articles.id, version: articles.version, slug: articles.slug, status: articles.status });
    if (by) await tx.insert(articleAuthors).values({ articleId: article.id, userId: by, position: 0 });
    await recordRevision(tx, ctx, { articleId: article.id, version: article.version, kind: "create" });
    await recordEvent(tx, ctx, { articleId: article.id, action: "create", from: null, to: "draft" });
    return article;
  });
}
