import "server-only";
// Editors look after the tag list: create, rename, merge, delete. Every verb checks
// `taxonomy.manage` before it writes and runs in one transaction, together with the live
// publications that show the tag (their denormalised `tags` and search document).
import { and, count, eq, ne, or, sql } from "drizzle-orm";
import { Invalid, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { replaceTagInPublications } from "../publications/retag";
import { articleTags, publications, tagRedirects, tags } from "../schema";
import { CreateTagInput, DeleteTagInput, MergeTagsInput, RenameTagInput } from "./schemas";
import { audit } from "../audit/record";

export type TagDto = { id: number; name: string; slug: string };

async function getTagOrThrow(tx: Db, id: number, lock = false): Promise<TagDto> {
  const query = tx.select({ id: tags.id, name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new NotFound("errors.tagNotFound");
  return row;
}

/**
 * The slug a name would get, refused when it is empty, when another tag already has the name
 * (case-insensitively) or the slug, or when the slug is an old address of another tag (it
 * would silently stop redirecting to the tag it was merged into or renamed to).
 */
async function claimableSlug(tx: Db, name: string, selfId?: number): Promise<string> {
  const slug = slugify(name);
  if (!slug) throw new Invalid({ name: ["validation.tagNameNoLetters"] });
  const [clash] = await tx
    .select({ id: tags.id })
    .from(tags)
    .where(and(or(eq(tags.slug, slug), sql`lower(${tags.name}) = lower(${name})`), selfId ? ne(tags.id, selfId) : undefined))
    .limit(1);
  if (clash) throw new Invalid({ name: ["validation.tagNameTaken"] });
  const [redirect] = await tx.select({ tagId: tagRedirects.tagId }).from(tagRedirects).where(eq(tagRedirects.slug, slug));
  if (redirect && redirect.tagId !== selfId) throw new Invalid({ name: ["validation.tagNameRedirected"] });
  return slug;
}

/** The two unique indexes (slug, lower(name)) also catch a race between two editors. */
async function mapNameClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ["validation.tagNameTaken"] });
    throw error;
  }
}

export async function createTag({ ctx, input }: VerbArgs<CreateTagInput>): Promise<TagDto> {
  const { name } = parseInput(CreateTagInput, input);
  return mapNameClash(() =>
    withTransaction(ctx, async (tx) => {
      assertCan(ctx.viewer, "taxonomy.manage");
      const slug = await claimableSlug(tx, name);
      const [row] = await tx.insert(tags).values({ name, slug }).returning({ id: tags.id, name: tags.name, slug: tags.slug });
      await audit(tx, ctx, { action: "tag.create", target: "tag", id: row.id, summary: { name, slug } });
      return row;
    }),
  );
}

/**
 * A new name, and with it a new slug (German transliteration, like every slug). The old slug
 * becomes a redirect to this tag, so links and bookmarks keep working; a change of case or
 * punctuation that keeps the slug just renames.
 */
export async function renameTag({ ctx, input }: VerbArgs<RenameTagInput>): Promise<TagDto> {
  const { id, name } = parseInput(RenameTagInput, input);
  return mapNameClash(() =>
    withTransaction(ctx, async (tx) => {
      assertCan(ctx.viewer, "taxonomy.manage");
      const tag = await getTagOrThrow(tx, id, true);
      const slug = await claimableSlug(tx, name, id);
      if (name === tag.name && slug === tag.slug) return tag;
      await tx.update(tags).set({ name, slug }).where(eq(tags.id, id));
      if (slug !== tag.slug) {
        // Renamed back to an earlier name: that address is the tag's own again.
        await tx.delete(tagRedirects).where(eq(tagRedirects.slug, slug));
        await tx
          .insert(tagRedirects)
          .values({ slug: tag.slug, tagId: id })
          .onConflictDoUpdate({ target: tagRedirects.slug, set: { tagId: id } });
      }
      await replaceTagInPublications(tx, [tag.slug], { name, slug });
      await audit(tx, ctx, { action: "tag.rename", target: "tag", id, summary: { before: { name: tag.name, slug: tag.slug }, after: { name, slug } } });
      return { id, name, slug };
    }),
  );
}

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

/**
 * Only a tag nothing uses can go: no article (draft or published) has it and no live
 * publication still shows it. Its old addresses go with it.
 */
export async function deleteTag({ ctx, input }: VerbArgs<DeleteTagInput>): Promise<{ id: number }> {
  const { id } = parseInput(DeleteTagInput, input);
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "taxonomy.manage");
    const tag = await getTagOrThrow(tx, id, true);
    const used = await countTagUse(tx, tag);
    if (used > 0) throw new Invalid({}, "errors.tagInUse", { count: used });
    await tx.delete(tags).where(eq(tags.id, id));
    await audit(tx, ctx, { action: "tag.delete", target: "tag", id, summary: { name: tag.name, slug: tag.slug } });
    return { id };
  });
}

/** Articles that have the tag, plus live publications that still show it (an unpublished edit may have dropped it). */
async function countTagUse(tx: Db, tag: TagDto): Promise<number> {
  // Both drivers answer `execute` with `{ rows }`.
  const result = (await tx.execute(sql`
    select count(*) as n from (
      select ${articleTags.articleId} as id from ${articleTags} where ${articleTags.tagId} = ${tag.id}
      union
      select ${publications.articleId} from ${publications} where ${publications.tags} @> ${JSON.stringify([{ slug: tag.slug }])}::jsonb
    ) as used`)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
}
