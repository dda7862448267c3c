import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { replaceTagInPublications } from "../publications/retag";
import { articleTags, tagRedirects, tags } from "../schema";
import { MergeTagsInput } from "./schemas";
import { audit } from "../audit/record";
import { type TagDto, getTagOrThrow } from "./shared";

/**
 * Folds `source` into `target`: its articles get the target tag (an article that had both
 * keeps one, at the earlier of the two places), its address and every address that pointed
 * at it redirect to the target — so chains stay one hop long — and the source is deleted.
 */
export async function mergeTags({ ctx, input }: VerbArgs<MergeTagsInput>): Promise<{ target: TagDto; articles: number }> {
  const { sourceId, targetId } = parseInput(MergeTagsInput, input);
  if (sourceId === targetId) throw new Invalid({ targetId: ["validation.mergeSameTag"] });
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "taxonomy.manage");
    // Lock in id order, so two merges of the same pair in opposite directions can't deadlock.
    const [first, second] = sourceId < targetId ? [sourceId, targetId] : [targetId, sourceId];
    const locked = [await getTagOrThrow(tx, first, true), await getTagOrThrow(tx, second, true)];
    const source = locked.find((t) => t.id === sourceId)!;
    const target = locked.find((t) => t.id === targetId)!;

    const [{ moved }] = await tx.select({ moved: count() }).from(articleTags).where(eq(articleTags.tagId, sourceId));
    await tx.execute(sql`
      update ${articleTags} as t set position = least(t.position, s.position)
      from ${articleTags} as s
      where t.tag_id = ${targetId} and s.tag_id = ${sourceId} and s.article_id = t.article_id`);
    await tx.execute(sql`
      delete from ${articleTags}
      where tag_id = ${sourceId} and article_id in (select article_id from ${articleTags} where tag_id = ${targetId})`);
    await tx.update(articleTags).set({ tagId: targetId }).where(eq(articleTags.tagId, sourceId));

    const oldSlugs = (await tx.select({ slug: tagRedirects.slug }).from(tagRedirects).where(eq(tagRedirects.tagId, sourceId))).map((r) => r.slug);
    await tx.update(tagRedirects).set({ tagId: targetId }).where(eq(tagRedirects.tagId, sourceId));
    await tx.insert(tagRedirects).values({ slug: source.slug, tagId: targetId }).onConflictDoUpdate({ target: tagRedirects.slug, set: { tagId: targetId } });
    // Publications are only ever written with a tag's current slug, but a snapshot older than
    // a rename is cheap to include.
    await replaceTagInPublications(tx, [source.slug, ...oldSlugs], { name: target.name, slug: target.slug });
    await tx.delete(tags).where(eq(tags.id, sourceId));
    await audit(tx, ctx, { action: "tag.merge", target: "tag", id: targetId, summary: { source: { id: source.id, name: source.name }, target: { id: target.id, name: target.name }, articles: moved } });
    return { target, articles: moved };
  });
}
