import "server-only";
// What a front page shows: the desk's placements (only visible publications, and only where
// they still fit), every other slot filled with the newest articles (lib/front.ts).
import { and, desc, eq } from "drizzle-orm";
import { BLOCK_SLOTS, HOME_FRONT, fillFront, frontSlots as slotsOf, type FrontView } from "@/lib/front";
import type { ArticleTeaser } from "@/lib/reader/types";
import { executor, isSlug, readTogether, type Ctx } from "../context";
import { isVisible, listLatest, teaserColumns, toTeaser } from "../publications/queries";
import { frontSlots, publications } from "../schema";
import { listSections } from "../sections/queries";

/** Where the desk put which article on `front`, for articles readers can see now. */
export async function listPlacements(front: string, ctx?: Pick<Ctx, "tx">): Promise<Map<string, ArticleTeaser>> {
  const db = await executor(ctx);
  const rows = await db
    .select({ slot: frontSlots.slot, ...teaserColumns })
    .from(frontSlots)
    .innerJoin(publications, and(eq(publications.articleId, frontSlots.articleId), isVisible))
    .where(eq(frontSlots.front, front));
  return new Map(rows.map(({ slot, ...row }) => [slot, toTeaser(row)]));
}

/** Whether `front` is the home page or the path of an existing section. */
export function frontSection(front: string): string | null {
  return front === HOME_FRONT ? null : front.slice(1);
}

/**
 * A front as readers see it: "/" or "/{section}" (null if no such section). A few indexed reads:
 * the placements, the newest articles, and for the home page the newest of each section.
 */
export async function getFront(front: string, ctx?: Pick<Ctx, "tx">): Promise<FrontView | null> {
  const section = frontSection(front);
  if (section !== null && !isSlug(section)) return null;
  const allSections = (await listSections(ctx)).map(({ slug, name }) => ({ slug, name }));
  if (section !== null && !allSections.some((s) => s.slug === section)) return null;
  const slots = slotsOf(front, section === null ? allSections.map((s) => s.slug) : []);
  const placements = await listPlacements(front, ctx);
  // Enough of the newest to fill every unplaced slot even when placed articles are among them.
  const spare = placements.size;
  const top = slots.filter((s) => s.kind !== "block").length;
  const newest = await listLatest({ limit: top + spare, ...(section ? { sectionSlug: section } : {}) }, ctx);
  const perSection = new Map<string, ArticleTeaser[]>();
  if (section === null) {
    // One small indexed read per section (sections are few): publications_section_published_idx.
    const lists = await readTogether(
      await executor(ctx),
      allSections.map((s) => () => listLatest({ sectionSlug: s.slug, limit: BLOCK_SLOTS + top + spare }, ctx)),
    );
    allSections.forEach((s, i) => perSection.set(s.slug, lists[i]));
  }
  const filled = fillFront(front, slots, placements, newest, (s) => perSection.get(s) ?? []);
  return {
    front,
    sections: allSections,
    slots: slots.map((s) => ({ ...s, item: filled.get(s.slot)?.item ?? null, placed: filled.get(s.slot)?.placed ?? false })),
  };
}

export type FrontCandidate = { id: number; headline: string; href: string; sectionName: string; publishedAt: string };

/** Live articles an editor may place on `front` (newest first), for the desk's suggestions. */
export async function listFrontCandidates(front: string, limit = 60, ctx?: Pick<Ctx, "tx">): Promise<FrontCandidate[]> {
  const section = frontSection(front);
  const db = await executor(ctx);
  const rows = await db
    .select(teaserColumns)
    .from(publications)
    .where(and(isVisible, section ? eq(publications.sectionSlug, section) : undefined))
    .orderBy(desc(publications.publishedAt), desc(publications.articleId))
    .limit(limit);
  return rows.map(toTeaser).map(({ id, headline, href, sectionName, publishedAt }) => ({ id, headline, href, sectionName, publishedAt }));
}

/** The visible publication an editor means by an id or an address, or null. */
export async function findPlaceable(ref: { id: number } | { sectionSlug: string; slug: string }, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const where =
    "id" in ref
      ? eq(publications.articleId, ref.id)
      : and(eq(publications.sectionSlug, ref.sectionSlug), eq(publications.slug, ref.slug));
  const [row] = await db
    .select({ id: publications.articleId, sectionSlug: publications.sectionSlug })
    .from(publications)
    .where(and(where, isVisible))
    .limit(1);
  return row ?? null;
}
