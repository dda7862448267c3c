// The shape of a front page and how its slots are filled — pure, shared by the data layer (which
// checks a placement), the reader's pages and the desk's preview (which show the result).
//
// A front is a page's path: "/" (the home page) or "/{section}" (a section front). Each has a
// lead story (*Aufmacher*) and a row of secondary stories; the home page also has a block per
// section. The desk places articles into slots; every slot nobody filled shows the newest
// article not already on the page, so a front with no arrangement at all is simply the news in
// publication order.
import type { ArticleTeaser } from "@/lib/reader/types";

export const HOME_FRONT = "/";
export const SECONDARY_SLOTS = 4;
export const BLOCK_SLOTS = 3;

export type FrontSlot = { slot: string; kind: "lead" | "secondary" | "block"; section?: string };

/** A slot as readers (and the desk's preview) see it: the article in it, and whether the desk put it there. */
export type FrontSlotView = FrontSlot & { item: ArticleTeaser | null; placed: boolean };
/** A front as readers see it (db/front/queries.ts `getFront`). */
export type FrontView = { front: string; slots: FrontSlotView[]; sections: { slug: string; name: string }[] };

export const leadSlot = "lead";
export const secondarySlot = (n: number) => `second-${n}`;
export const blockSlot = (section: string, n: number) => `block-${section}-${n}`;

/** A section front's path, or the home page's. */
export const sectionFront = (sectionSlug: string) => `/${sectionSlug}`;

/** The slots of a front, top to bottom. `sections` (home only) are the reader navigation's, in order. */
export function frontSlots(front: string, sections: readonly string[] = []): FrontSlot[] {
  const slots: FrontSlot[] = [{ slot: leadSlot, kind: "lead" }];
  for (let n = 1; n <= SECONDARY_SLOTS; n++) slots.push({ slot: secondarySlot(n), kind: "secondary" });
  if (front === HOME_FRONT) {
    for (const section of sections) for (let n = 1; n <= BLOCK_SLOTS; n++) slots.push({ slot: blockSlot(section, n), kind: "block", section });
  }
  return slots;
}

/** The section whose articles a slot may hold: a section front's own, a home block's; null for any. */
export function slotSection(front: string, slot: FrontSlot): string | null {
  if (front !== HOME_FRONT) return front.slice(1);
  return slot.section ?? null;
}

export type Placed<T> = { item: T; placed: boolean };

/**
 * Fills a front's slots: each placed article where the desk put it, every other slot with the
 * newest article that fits it (its section, for a section's slots) and is not on the page yet.
 * `newest` is newest first; `newestIn(section)` the same for one section.
 */
export function fillFront<T extends { id: number; sectionSlug: string }>(
  front: string,
  slots: readonly FrontSlot[],
  placements: ReadonlyMap<string, T>,
  newest: readonly T[],
  newestIn: (section: string) => readonly T[] = (section) => newest.filter((t) => t.sectionSlug === section),
): Map<string, Placed<T>> {
  const used = new Set<number>();
  const filled = new Map<string, Placed<T>>();
  for (const s of slots) {
    const item = placements.get(s.slot);
    const section = slotSection(front, s);
    // A placement that no longer fits (the article moved to another section) is ignored.
    if (item && !used.has(item.id) && (!section || item.sectionSlug === section)) {
      filled.set(s.slot, { item, placed: true });
      used.add(item.id);
    }
  }
  for (const s of slots) {
    if (filled.has(s.slot)) continue;
    const section = slotSection(front, s);
    const pool = section && front === HOME_FRONT ? newestIn(section) : newest;
    const item = pool.find((t) => !used.has(t.id) && (!section || t.sectionSlug === section));
    if (item) {
      filled.set(s.slot, { item, placed: false });
      used.add(item.id);
    }
  }
  return filled;
}

/**
 * What an editor typed to name an article: its number, its short link (/a/123) or its address
 * (/politik/rat-tagt), each also as a full URL. Null when it is none of these.
 */
export function parseArticleReference(text: string): { id: number } | { sectionSlug: string; slug: string } | null {
  let value = text.trim();
  if (/^\d{1,9}$/.test(value)) return { id: Number(value) };
  try {
    if (/^https?:\/\//i.test(value)) value = new URL(value).pathname;
  } catch {
    return null;
  }
  const short = /^\/a\/(\d{1,9})\/?$/.exec(value);
  if (short) return { id: Number(short[1]) };
  const path = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(value);
  return path ? { sectionSlug: path[1], slug: path[2] } : null;
}


/** The front and slot of a recorded change, from its event note "{front}#{slot}" (db/front/record.ts). */
export function parseFrontNote(note: string): { front: string; slot: string } | null {
  const i = note.lastIndexOf("#");
  return i > 0 ? { front: note.slice(0, i), slot: note.slice(i + 1) } : null;
}
