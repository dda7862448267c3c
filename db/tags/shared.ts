import "server-only";
// What the tag verbs share (create.ts, rename.ts, merge.ts, delete.ts). Editors look after the
// tag list: every verb checks `taxonomy.manage` before it writes and runs in one transaction,
// together with the live publications that show the tag (their denormalised `tags` and search
// document).
import { and, eq, ne, or, sql } from "drizzle-orm";
import { Invalid, NotFound } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { isUniqueViolation } from "../context";
import { articleTags, publications, tagRedirects, tags } from "../schema";

export type TagDto = { id: number; name: string; slug: string };

export async function getTagOrThrow(tx: Db, id: number, lock = false): Promise<TagDto> {
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
export async function claimableSlug(tx: Db, name: string, selfId?: number): Promise<string> {
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
export async function mapNameClash<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ["validation.tagNameTaken"] });
    throw error;
  }
}

/** Articles that have the tag, plus live publications that still show it (an unpublished edit may have dropped it). */
export async function countTagUse(tx: Db, tag: TagDto): Promise<number> {
  // Both drivers answer `execute` with `{ rows }`.
  const result = (await tx.execute(sql`
    select count(*) as n from (
      select ${articleTags.articleId} as id from ${articleTags} where ${articleTags.tagId} = ${tag.id}
      union
      select ${publications.articleId} from ${publications} where ${publications.tags} @> ${JSON.stringify([{ slug: tag.slug }])}::jsonb
    ) as used`)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? 0);
}
