import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { assertCan } from "@/lib/permissions";
import { Invalid } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { isUniqueViolation, parseInput, withTransaction, type VerbArgs } from "../context";
import { sections } from "../schema";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";

export const RESERVED_SLUGS = new Set(["a", "p", "api", "authors", "comments", "community-standards", "datenschutz", "desk", "external-content", "feeds", "impressum", "media", "search", "signin", "sitemap", "sitemaps", "tags", "robots", "_next"]);

export const SectionName = z
  .string("validation.sectionNameRequired")
  .trim()
  .min(1, "validation.sectionNameRequired")
  .max(60, "validation.sectionNameTooLong");

export const CreateSectionInput = z.object({
  name: SectionName,
  /** Omitted: after the last section. */
  position: z.number("validation.invalidValue").int("validation.invalidValue").min(0, "validation.invalidValue").max(1000, "validation.invalidValue").optional(),
});

export async function createSection({ ctx, input }: VerbArgs<z.input<typeof CreateSectionInput>>) {
  const data = parseInput(CreateSectionInput, input);
  assertCan(ctx.viewer, "taxonomy.manage");
  const slug = slugify(data.name);
  if (!slug) throw new Invalid({ name: ["validation.sectionNameNoLetters"] });
  // Section pages live at /{slug}: these addresses belong to other pages.
  if (RESERVED_SLUGS.has(slug)) throw new Invalid({ name: ["validation.sectionNameReserved"] });
  try {
    return await withTransaction(ctx, async (tx) => {
      await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
      const position = data.position ?? sql`(select coalesce(max(${sections.position}) + 1, 0) from ${sections})`;
      const [row] = await tx.insert(sections).values({ name: data.name, slug, position }).returning();
      await audit(tx, ctx, { action: "section.create", target: "section", id: row.id, summary: { name: row.name, slug: row.slug } });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ["validation.sectionNameTaken"] });
    throw error;
  }
}
