import "server-only";
import { asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { executor, isSlug, type Ctx } from "../context";
import { tagRedirects, tags } from "../schema";
import { ListTagsInput } from "./schemas";

export async function getTagBySlug(slug: string, ctx?: Pick<Ctx, "tx">) {
  if (!isSlug(slug)) return null; // from the URL: "%00" must not reach the database
  const db = await executor(ctx);
  const [row] = await db.select({ name: tags.name, slug: tags.slug }).from(tags).where(eq(tags.slug, slug)).limit(1);
  return row ?? null;
}

/** Where an old tag address (renamed or merged away) lives now: the surviving tag's slug, or null. */
export async function getTagRedirect(slug: string, ctx?: Pick<Ctx, "tx">): Promise<string | null> {
  if (!isSlug(slug)) return null;
  const db = await executor(ctx);
  const [row] = await db
    .select({ slug: tags.slug })
    .from(tagRedirects)
    .innerJoin(tags, eq(tags.id, tagRedirects.tagId))
    .where(eq(tagRedirects.slug, slug))
    .limit(1);
  return row?.slug ?? null;
}

export const TAGS_PAGE_SIZE = 50;

export type TagWithCount = { id: number; name: string; slug: string; articles: number };
export type TagList = { items: TagWithCount[]; q: string; page: number; pages: number; total: number };

/** `%`, `_` and `\` typed into the search box are meant literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The desk's tag list, by name, a page at a time, each with how many articles use it: those
 * that have it (drafts too) and live publications that still show it — the tag can be deleted
 * only at 0. The search matches the name or the slug.
 */
export async function listTagsWithCounts(input: ListTagsInput = {}, ctx?: Pick<Ctx, "tx">): Promise<TagList> {
  const { q, page } = ListTagsInput.parse(input);
  const db = await executor(ctx);
  const where = q ? or(ilike(tags.name, likePattern(q)), ilike(tags.slug, likePattern(q))) : undefined;
  const [{ total }] = await db.select({ total: count() }).from(tags).where(where);
  const pages = Math.max(1, Math.ceil(total / TAGS_PAGE_SIZE));
  const current = Math.min(page, pages);
  // Spelled out with table names: drizzle leaves columns unqualified in a one-table select,
  // and inside the subqueries "id" and "slug" would then mean the inner table's.
  const used = sql<number>`(select count(*) from (
      select at.article_id from article_tags at where at.tag_id = "tags"."id"
      union
      select p.article_id from publications p
      where p.tags @> jsonb_build_array(jsonb_build_object('slug', "tags"."slug"))
    ) as used)::int`;
  const rows = await db
    .select({ id: tags.id, name: tags.name, slug: tags.slug, articles: used })
    .from(tags)
    .where(where)
    .orderBy(sql`lower(${tags.name})`, asc(tags.id))
    .limit(TAGS_PAGE_SIZE)
    .offset((current - 1) * TAGS_PAGE_SIZE);
  return { items: rows.map((r) => ({ ...r, articles: Number(r.articles) })), q, page: current, pages, total };
}

/** Every tag by name, for the "merge into" choice. */
export async function listTagOptions(ctx?: Pick<Ctx, "tx">): Promise<{ id: number; name: string }[]> {
  const db = await executor(ctx);
  return db.select({ id: tags.id, name: tags.name }).from(tags).orderBy(sql`lower(${tags.name})`, asc(tags.id));
}
