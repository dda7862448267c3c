import "server-only";
import { eq } from "drizzle-orm";
import { SITE_PAGES, type SitePageSlug } from "@/lib/site-pages";
import { executor, type Ctx } from "../context";
import { sitePages } from "../schema";

export type SitePage = { slug: SitePageSlug; title: string; body: string; updatedAt: string | null };

/** A legal page as an admin last wrote it, or its empty default (title only). */
export async function getSitePage(slug: SitePageSlug, ctx?: Pick<Ctx, "tx">): Promise<SitePage> {
  const db = await executor(ctx);
  const [row] = await db.select().from(sitePages).where(eq(sitePages.slug, slug)).limit(1);
  return row
    ? { slug, title: row.title, body: row.body, updatedAt: row.updatedAt.toISOString() }
    : { slug, title: SITE_PAGES[slug].defaultTitle, body: "", updatedAt: null };
}
