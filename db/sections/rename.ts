import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { Invalid, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { renameSectionInPublications } from "../publications/retag";
import { sections } from "../schema";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";
import { RenameSectionInput, type SectionRow } from "./shared";

export async function renameSection({ ctx, input }: VerbArgs<RenameSectionInput>): Promise<SectionRow> {
  const { id: sectionId, name } = parseInput(RenameSectionInput, input);
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
    assertCan(ctx.viewer, "taxonomy.manage");
    const [section] = await tx.select().from(sections).where(eq(sections.id, sectionId)).for("update");
    if (!section) throw new NotFound("errors.sectionNotFound");
    const slug = slugify(name);
    if (!slug) throw new Invalid({ name: ["validation.sectionNameNoLetters"] });
    // Two sections whose names differ only in case or punctuation would confuse readers.
    const others = await tx.select({ name: sections.name, slug: sections.slug }).from(sections).where(and(ne(sections.id, sectionId)));
    if (others.some((o) => o.slug === slug || slugify(o.name) === slug)) throw new Invalid({ name: ["validation.sectionNameTaken"] });
    if (name === section.name) return section;
    const [row] = await tx.update(sections).set({ name }).where(eq(sections.id, sectionId)).returning();
    await renameSectionInPublications(tx, section.slug, name);
    await audit(tx, ctx, { action: "section.rename", target: "section", id: sectionId, summary: { before: section.name, after: name } });
    return row;
  });
}
