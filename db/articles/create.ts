import "server-only";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import type { z } from "zod";
import { isUniqueViolation, parseInput, withTransaction, type Ctx, type VerbArgs } from "../context";
import { audit } from "../audit/record";
import { articleAuthors, articles } from "../schema";
import { recordRevision } from "./revision-log";
import { actorId, recordEvent } from "./load";
import { freeSlug, prepareArticleFields, slugForHeadline } from "./fields";
import { assertMediaExists, metadataColumns, writeRelations } from "./save";
import { CreateArticleInput } from "./schemas";

/** A new draft (with whatever metadata came with it), bylined to the person who started it. */
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
    const slug = data.slug
      ? await handSetSlug(tx, data.slug, data.sectionId)
      : data.sectionId === null
        ? slugify(data.headline) || "artikel" // nothing to clash with until it has a section
        : await slugForHeadline(tx, data.headline, data.sectionId);
    await assertMediaExists(tx, data.leadImageId);
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
        ...metadataColumns(data),
        createdById: by,
        updatedById: by,
      })
      .returning({ id: articles.id, version: articles.version, slug: articles.slug, status: articles.status });
    // Bylined to the person who started it, unless they named the authors already.
    if (data.authorIds) await writeRelations(tx, article.id, data);
    else {
      if (by) await tx.insert(articleAuthors).values({ articleId: article.id, userId: by, position: 0 });
      await writeRelations(tx, article.id, { tags: data.tags, related: data.related });
    }
    await recordRevision(tx, ctx, { articleId: article.id, version: article.version, kind: "create" });
    await recordEvent(tx, ctx, { articleId: article.id, action: "create", from: null, to: "draft" });
    await audit(tx, ctx, { action: "article.create", target: "article", id: article.id, summary: { headline: data.headline, sectionId: data.sectionId } });
    return article;
  });
}

/** A slug typed by hand before the first save: exactly that, or a clear refusal. */
async function handSetSlug(tx: Db, slug: string, sectionId: number | null): Promise<string> {
  if (sectionId !== null && (await freeSlug(tx, slug, sectionId)) !== slug) throw new Invalid({ slug: ["validation.slugTaken"] });
  return slug;
}
