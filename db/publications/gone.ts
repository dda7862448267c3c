import "server-only";
import { sql } from "drizzle-orm";
import { executor, type Ctx } from "../context";

/**
 * Addresses that once showed an article which an editor has since unpublished, and that no
 * live article uses now. Readers get 410 Gone there, so search engines drop the page.
 */
export async function listGonePaths(ctx?: Pick<Ctx, "tx">): Promise<string[]> {
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select '/' || s.slug || '/' || a.slug as path
    from articles a join sections s on s.id = a.section_id
    where a.status = 'unpublished'
      and not exists (select 1 from publications p where p.article_id = a.id)
      and not exists (select 1 from publications p where p.section_slug = s.slug and p.slug = a.slug)
    union
    select '/' || r.section_slug || '/' || r.slug
    from slug_redirects r join articles a on a.id = r.article_id
    where a.status = 'unpublished'
      and not exists (select 1 from publications p where p.section_slug = r.section_slug and p.slug = r.slug)`)) as unknown as { rows: { path: string }[] };
  return result.rows.map((r) => r.path);
}

/** Whether an article that is not live now was unpublished (410) rather than never published (404). */
export async function isUnpublished(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<boolean> {
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select 1 from articles a where a.id = ${articleId} and a.status = 'unpublished'
      and not exists (select 1 from publications p where p.article_id = a.id)`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}

/**
 * Whether /{sectionSlug}/{slug} is an unpublished article's address (its own, or one it moved
 * away from) that no publication uses now: one indexed look-up per address, for the request
 * proxy's 410 (app/api/gone).
 */
export async function isGonePath(sectionSlug: string, slug: string, ctx?: Pick<Ctx, "tx">): Promise<boolean> {
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select 1 as gone
    where not exists (select 1 from publications p where p.section_slug = ${sectionSlug} and p.slug = ${slug})
      and (
        exists (
          select 1 from articles a join sections s on s.id = a.section_id
          where s.slug = ${sectionSlug} and a.slug = ${slug} and a.status = 'unpublished'
            and not exists (select 1 from publications p where p.article_id = a.id))
        or exists (
          select 1 from slug_redirects r join articles a on a.id = r.article_id
          where r.section_slug = ${sectionSlug} and r.slug = ${slug} and a.status = 'unpublished'))`)) as unknown as { rows: unknown[] };
  return result.rows.length > 0;
}
