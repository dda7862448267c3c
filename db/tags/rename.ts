import "server-only";
import { eq } from "drizzle-orm";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { replaceTagInPublications } from "../publications/retag";
import { tagRedirects, tags } from "../schema";
import { RenameTagInput } from "./schemas";
import { audit } from "../audit/record";
import { type TagDto, getTagOrThrow, claimableSlug, mapNameClash } from "./shared";

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
