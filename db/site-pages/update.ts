import "server-only";
// An admin writes the imprint (Impressum) or privacy page. Readers see it with the next request.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { readerTags } from "@/lib/cache/tags";
import { assertCan } from "@/lib/permissions";
import { SITE_PAGE_SLUGS } from "@/lib/site-pages";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceReaderChange } from "../reader-cache";
import { sitePages } from "../schema";
import { audit } from "../audit/record";

export const UpdateSitePageInput = z.object({
  slug: z.enum(SITE_PAGE_SLUGS, "validation.invalidValue"),
  title: z.string("validation.sitePageTitleRequired").trim().min(1, "validation.sitePageTitleRequired").max(120, "validation.sitePageTitleTooLong"),
  body: z.string("validation.invalidValue").max(50_000, "validation.sitePageBodyTooLong"),
});
export type UpdateSitePageInput = z.input<typeof UpdateSitePageInput>;

export async function updateSitePage({ ctx, input }: VerbArgs<UpdateSitePageInput>) {
  const data = parseInput(UpdateSitePageInput, input);
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "site.pages");
    const updatedById = ctx.viewer && ctx.viewer.id > 0 ? ctx.viewer.id : null;
    const [row] = await tx
      .insert(sitePages)
      .values({ slug: data.slug, title: data.title, body: data.body, updatedById })
      .onConflictDoUpdate({ target: sitePages.slug, set: { title: data.title, body: data.body, updatedById, updatedAt: sql`now()` } })
      .returning();
    await audit(tx, ctx, { action: "site_page.update", target: "site_page", id: data.slug, summary: { title: data.title, bodyLength: data.body.length } });
    await announceReaderChange(tx, [readerTags.sitePage(data.slug)]);
    return row;
  });
}
