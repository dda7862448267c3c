import "server-only";
// What the section verbs share (rename.ts, move.ts, reorder.ts). Editors rename sections and put
// them in order (creating one is `createSection`).
//
// A rename changes the name readers see, not the address: /{section} and every article's
// /{section}/{slug} stay as they are, so links, bookmarks, feeds and search-engine entries
// keep working without a redirect table for sections (the schema has none; slug_redirects
// covers single articles). The live publications carry the section name denormalised and
// are updated in the same transaction.
import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../client";
import { sections } from "../schema";
import { SectionName } from "./create";

const id = z.coerce.number("errors.sectionNotFound").int("errors.sectionNotFound").positive("errors.sectionNotFound").max(2147483647, "errors.sectionNotFound");

export const RenameSectionInput = z.object({ id, name: SectionName });
export type RenameSectionInput = z.input<typeof RenameSectionInput>;

export const MoveSectionInput = z.object({ id, direction: z.enum(["up", "down"], "validation.invalidValue") });
export type MoveSectionInput = z.input<typeof MoveSectionInput>;

export const ReorderSectionsInput = z.object({ ids: z.array(id, "validation.invalidValue").min(1, "validation.invalidValue").max(500, "validation.invalidValue") });
export type ReorderSectionsInput = z.input<typeof ReorderSectionsInput>;

export type SectionRow = typeof sections.$inferSelect;

/** All sections in reader order, locked: two editors reordering at once take turns. */
export async function lockedOrder(tx: Db): Promise<SectionRow[]> {
  return tx.select().from(sections).orderBy(asc(sections.position), asc(sections.name), asc(sections.id)).for("update");
}

/** Positions 0, 1, 2 … in the given order (only rows whose position changes are written). */
export async function writeOrder(tx: Db, ordered: SectionRow[]): Promise<void> {
  for (const [position, section] of ordered.entries()) {
    if (section.position !== position) await tx.update(sections).set({ position }).where(eq(sections.id, section.id));
  }
}
