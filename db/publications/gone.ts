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
