import "server-only";
// Editors rename sections and put them in order (creating one is `createSection`).
//
// A rename changes the name readers see, not the address: /{section} and every article's
// /{section}/{slug} stay as they are, so links, bookmarks, feeds and search-engine entries
// keep working without a redirect table for sections (the schema has none; slug_redirects
// covers single articles). The live publications carry the section name denormalised and
// are updated in the same transaction.
import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { Invalid, NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import type { Db } from "../client";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { renameSectionInPublications } from "../publications/retag";
import { sections } from "../schema";
import { SectionName } from "./create";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";

const id = z.coerce.number("errors.sectionNotFound").int("errors.sectionNotFound").positive("errors.sectionNotFound").max(2147483647, "errors.sectionNotFound");

export const RenameSectionInput = z.object({ id, name: SectionName });
export type RenameSectionInput = z.input<typeof RenameSectionInput>;

export const MoveSectionInput = z.object({ id, direction: z.enum(["up", "down"], "validation.invalidValue") });
export type MoveSectionInput = z.input<typeof MoveSectionInput>;

export const ReorderSectionsInput = z.object({ ids: z.array(id, "validation.invalidValue").min(1, "validation.invalidValue").max(500, "validation.invalidValue") });
export type ReorderSectionsInput = z.input<typeof ReorderSectionsInput>;

type SectionRow = typeof sections.$inferSelect;

/** All sections in reader order, locked: two editors reordering at once take turns. */
async function lockedOrder(tx: Db): Promise<SectionRow[]> {
  return tx.select().from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id)).for("update");
}

/** Positions 0, 1, 2 … in the given order (only rows whose position changes are written). */
async function writeOrder(tx: Db, ordered: SectionRow[]): Promise<void> {
  for (const [position, section] of ordered.entries()) {
    if (section.position !== position) await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
  }
}

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

/** One place up or down in the reader navigation; at either end nothing changes. */
export async function moveSection({ ctx, input }: VerbArgs<MoveSectionInput>): Promise<SectionRow[]> {
  const { id: sectionId, direction } = parseInput(MoveSectionInput, input);
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
    assertCan(ctx.viewer, "taxonomy.manage");
    const ordered = await lockedOrder(tx);
    const from = ordered.findIndex((s) => s.id === sectionId);
    if (from < 0) throw new NotFound("errors.sectionNotFound");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < ordered.length) [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    await writeOrder(tx, ordered);
    await audit(tx, ctx, { action: "section.move", target: "section", id: sectionId, summary: { direction, from, to: ordered.findIndex((s) => s.id === sectionId) } });
    return ordered.map((s, position) => ({ ...s, position }));
  });
}

/** The whole order at once; `ids` must name every section exactly once. */
export async function reorderSections({ ctx, input }: VerbArgs<ReorderSectionsInput>): Promise<SectionRow[]> {
  const { ids } = parseInput(ReorderSectionsInput, input);
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
    assertCan(ctx.viewer, "taxonomy.manage");
    const current = await lockedOrder(tx);
    const byId = new Map(current.map((s) => [s.id, s]));
    if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((i) => !byId.has(i))) {
      // Someone added or removed a section since the list was loaded.
      throw new Invalid({ ids: ["validation.sectionsChanged"] });
    }
    const ordered = ids.map((i) => byId.get(i)!);
    await writeOrder(tx, ordered);
    await audit(tx, ctx, { action: "section.reorder", target: "section", summary: { before: current.map((s) => s.id), after: ids } });
    return ordered.map((s, position) => ({ ...s, position }));
  });
}
