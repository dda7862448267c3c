// What the demo newsroom (scripts/demo-extras.ts) and the journeys' data factory
// (db/testing/factory.ts) both make, composed from the same verbs the desk and the reader site
// use: a drawn picture uploaded to the media library, and reader comments that an editor approved.
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import type { Viewer } from "@/lib/permissions";
import { getDb } from "./client";
import { moderateComments } from "./comments/moderate";
import { postComment } from "./comments/post";
import { uploadMedia } from "./media/upload";
import { comments } from "./schema";

export type Drawing = { svg: string; filename: string; caption: string; alt: string; credit: string; quality?: number };

/**
 * An SVG drawing rendered to JPEG (the library refuses SVG uploads; a JPEG is what a
 * photographer sends) and uploaded by `editor`; returns the article fields that make it the
 * lead image.
 */
export async function uploadDrawing(editor: Viewer, drawing: Drawing) {
  const bytes = await sharp(Buffer.from(drawing.svg)).jpeg({ quality: drawing.quality ?? 80 }).toBuffer();
  const item = await uploadMedia({
    ctx: { viewer: editor },
    input: { bytes, filename: drawing.filename, caption: drawing.caption, credit: drawing.credit, alt: drawing.alt },
  });
  return { leadImageId: item.id, leadCaption: item.caption, leadCredit: item.credit, leadAlt: item.alt };
}

/**
 * Comments posted as readers post them (anonymously, each from its own browser: `hashPrefix`
 * names them), then approved by `editor` in one moderation.
 */
export async function postApprovedComments(articleId: number, posted: { name: string; text: string }[], editor: Viewer, hashPrefix: string) {
  for (const [i, c] of posted.entries()) {
    await postComment({ ctx: { viewer: null }, input: { articleId, name: c.name, text: c.text, clientHash: `${hashPrefix}-${i}` } });
  }
  const db = await getDb();
  const pending = await db
    .select({ id: comments.id })
    .from(comments)
    .where(and(eq(comments.articleId, articleId), eq(comments.status, "pending")));
  await moderateComments({ ctx: { viewer: editor }, input: { ids: pending.map((c) => c.id), action: "approve" } });
}
