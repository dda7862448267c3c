import "server-only";
import { sql } from "drizzle-orm";
import { NotFound } from "@/lib/errors";
import { HOME_FRONT, frontSlots as slotsOf, type FrontSlot } from "@/lib/front";
import type { Db } from "../client";
import { sections } from "../schema";

/**
 * Locks `front` for this transaction (two editors arranging it take turns) and returns its
 * slots; a front of a section that does not exist is NotFound.
 */
export async function lockFront(tx: Db, front: string): Promise<FrontSlot[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`front:${front}`}))`);
  const all = await tx.select({ slug: sections.slug }).from(sections).orderBy(sections.position, sections.name);
  if (front !== HOME_FRONT && !all.some((s) => `/${s.slug}` === front)) throw new NotFound("errors.sectionNotFound");
  return slotsOf(front, front === HOME_FRONT ? all.map((s) => s.slug) : []);
}
