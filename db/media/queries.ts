import "server-only";
import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { pickSrc, srcsetFor, type MediaItem } from "@/lib/media/urls";
import { executor, type Ctx } from "../context";
import { media } from "../schema";
import { ListMediaInput } from "./schemas";

export const MEDIA_PAGE_SIZE = 24;

/** A library image for the desk: what components show, plus who may change its defaults. */
export type MediaListItem = MediaItem & { uploadedById: number | null; createdAt: string };

export type MediaList = { items: MediaListItem[]; q: string; page: number; pages: number; total: number };

type MediaRow = typeof media.$inferSelect;

export function toMediaItem(row: MediaRow): MediaListItem {
  return {
    id: row.id,
    src: pickSrc(row.variants, 960),
    srcset: srcsetFor(row.variants),
    width: row.width,
    height: row.height,
    filename: row.filename,
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
    uploadedById: row.uploadedById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** `%`, `_` and `\` typed into the search box are meant literally. */
function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Newest first, a page at a time. Every word typed must appear (case-insensitively) in the
 * caption, credit or filename: "hafen dpa" finds a harbour photo credited to dpa.
 */
export async function listMedia(input: ListMediaInput = {}, ctx?: Pick<Ctx, "tx">): Promise<MediaList> {
  const { q, page } = ListMediaInput.parse(input);
  const db = await executor(ctx);
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  const where: SQL | undefined = words.length
    ? and(...words.map((w) => or(ilike(media.caption, likePattern(w)), ilike(media.credit, likePattern(w)), ilike(media.filename, likePattern(w)))))
    : undefined;
  const [{ total }] = await db.select({ total: count() }).from(media).where(where);
  const pages = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  const rows = await db
    .select()
    .from(media)
    .where(where)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(MEDIA_PAGE_SIZE)
    .offset((Math.min(page, pages) - 1) * MEDIA_PAGE_SIZE);
  return { items: rows.map(toMediaItem), q, page: Math.min(page, pages), pages, total };
}

export async function getMedia(id: number, ctx?: Pick<Ctx, "tx">): Promise<MediaListItem | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2147483647) return null;
  const db = await executor(ctx);
  const [row] = await db.select().from(media).where(eq(media.id, id));
  return row ? toMediaItem(row) : null;
}
