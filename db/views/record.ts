import "server-only";
import { eq, sql } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { articleViews } from "../schema";

/**
 * Adds a batch of page views (article id → views) in one statement. Only articles that readers
 * can see now count: the ids are joined to the visible publications, so unknown, unpublished
 * and scheduled ids fall away here, in the data layer, whatever the route let through.
 */
export async function recordViews(batch: ReadonlyMap<number, number>, ctx?: Pick<Ctx, "tx">): Promise<void> {
  const rows = [...batch].filter(([id, n]) => Number.isSafeInteger(id) && id > 0 && Number.isSafeInteger(n) && n > 0);
  if (rows.length === 0) return;
  const db = await executor(ctx);
  const values = sql.join(
    rows.map(([id, n]) => sql`(${id}::int, ${n}::int)`),
    sql`, `,
  );
  await db.execute(sql`
    insert into article_views (article_id, count)
    select v.article_id, v.n
    from (values ${values}) as v(article_id, n)
    join publications p on p.article_id = v.article_id and p.visible_from <= now()
    on conflict (article_id) do update set count = article_views.count + excluded.count`);
}

/** One article's view count (0 when none yet). */
export async function readViewCount(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db.select({ count: articleViews.count }).from(articleViews).where(eq(articleViews.articleId, articleId));
  return row?.count ?? 0;
}
