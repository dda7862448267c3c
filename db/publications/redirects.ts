import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { readerTags } from "@/lib/cache/tags";
import { executor, type Ctx } from "../context";
import { announceReaderChange } from "../reader-cache";
import { publications, slugRedirects } from "../schema";

export type Address = { sectionSlug: string; slug: string };

/**
 * Called by the publish transaction after the live snapshot was written: an article that moved
 * (new slug or section) keeps its previous address as a redirect to the article, and whatever
 * is live now is never a redirect (a live article always wins its address, whoever moved away
 * from it). Redirects point at the article, not at an address, so a chain of moves A → B → C
 * sends A and B straight to C — and every old address's cached page (perhaps a redirect to B)
 * is expired with the move.
 */
export async function keepOldAddress(tx: Db, articleId: number, previous: Address | null, live: Address): Promise<void> {
  await tx.delete(slugRedirects).where(and(eq(slugRedirects.sectionSlug, live.sectionSlug), eq(slugRedirects.slug, live.slug)));
  if (!previous || (previous.sectionSlug === live.sectionSlug && previous.slug === live.slug)) return;
  await tx
    .insert(slugRedirects)
    .values({ sectionSlug: previous.sectionSlug, slug: previous.slug, articleId })
    .onConflictDoUpdate({ target: [slugRedirects.sectionSlug, slugRedirects.slug], set: { articleId } });
  const old = await tx.select({ sectionSlug: slugRedirects.sectionSlug, slug: slugRedirects.slug }).from(slugRedirects).where(eq(slugRedirects.articleId, articleId));
  await announceReaderChange(tx, old.map((a) => readerTags.article(a.sectionSlug, a.slug)));
}

/**
 * Where an old address leads now: the live canonical path of the article that used to be there,
 * or null (nothing known, the article is not visible, or the address belongs to a live article,
 * which is shown rather than redirected).
 */
export async function findSlugRedirect(sectionSlug: string, slug: string, ctx?: Pick<Ctx, "tx">): Promise<string | null> {
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select '/' || p.section_slug || '/' || p.slug as path
    from slug_redirects r
    join publications p on p.article_id = r.article_id and p.visible_from <= now()
    where r.section_slug = ${sectionSlug} and r.slug = ${slug}
      and not exists (
        select 1 from publications live
        where live.section_slug = r.section_slug and live.slug = r.slug and live.visible_from <= now())
    limit 1`)) as unknown as { rows: { path: string }[] };
  return result.rows[0]?.path ?? null;
}

/** The address of an article's current publication (live or scheduled), or null. */
export async function currentAddress(tx: Db, articleId: number): Promise<Address | null> {
  const [row] = await tx
    .select({ sectionSlug: publications.sectionSlug, slug: publications.slug })
    .from(publications)
    .where(eq(publications.articleId, articleId))
    .for("update");
  return row ?? null;
}

/**
 * Every old address that leads somewhere now (old path → live canonical path), for the request
 * proxy, which answers them with one clean 308 before any page is rendered or cached (see
 * proxy.ts). Only moved articles have rows, so the list stays small next to the articles.
 */
export async function listMovedPaths(ctx?: Pick<Ctx, "tx">): Promise<Record<string, string>> {
  const db = await executor(ctx);
  const result = (await db.execute(sql`
    select '/' || r.section_slug || '/' || r.slug as old_path, '/' || p.section_slug || '/' || p.slug as path
    from slug_redirects r
    join publications p on p.article_id = r.article_id and p.visible_from <= now()
    where not exists (
      select 1 from publications live
      where live.section_slug = r.section_slug and live.slug = r.slug and live.visible_from <= now())`)) as unknown as {
    rows: { old_path: string; path: string }[];
  };
  return Object.fromEntries(result.rows.map((r) => [r.old_path, r.path]));
}
