import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { bodyText, countWords, parseBody } from "@/lib/content/body";
import { assertCan, type Viewer } from "@/lib/permissions";
import { SLUG_MAX_LENGTH, SLUG_PATTERN, slugify } from "@/lib/slug";
import type { Db } from "../client";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { articleCollabStates, articles, media, sections, users } from "../schema";
import { freeSlug, slugForHeadline } from "./fields";
import { actorId, lockArticle, settleDueSchedule, type LockedArticle } from "./load";
import { announceAccessChange, announceCollabChange } from "./collab-events";
import { readinessProblems, type FieldProblems } from "./readiness";
import { recordRevision } from "./revision-log";
import { writeRelations } from "./save";
import { DraftCopy } from "./schemas";
import { audit } from "../audit/record";

const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, "validation.invalidValue");

export const StoreCollabInput = z.object({
  id: z.number().int().positive(),
  /** The whole Yjs state (`Y.encodeStateAsUpdate`) and its state vector. */
  state: bytes,
  stateVector: bytes,
  /** The JSON working copy derived from that state (lib/collab/document.ts). */
  copy: DraftCopy,
  /** Everyone whose changes are in this store besides the acting viewer: each gets their revision. */
  contributors: z.array(z.object({ id: z.number().int(), role: z.enum(["admin", "editor", "journalist"]), name: z.string() })).default([]),
});
export type StoreCollabInput = z.input<typeof StoreCollabInput>;

export type StoreCollabResult = { id: number; version: number; problems: FieldProblems };

/**
 * Stores the co-edited document of an article: its Yjs state, and the JSON working copy derived
 * from it into the columns everything else reads (validated against the shared schema every
 * time; the caller has already refused documents with foreign content). A draft is stored
 * however incomplete it is: a missing headline or section, an image without credit, a tag too
 * long, an author who left, a slug someone else has… are left as they were and come back in
 * `problems`, which block submit and publish, never the rest of the text.
 *
 * Authorised like a save (`article.edit` for the acting viewer, who is one of the people whose
 * changes are in it); the version goes up; each person's changes make (or extend) their
 * revision, one per person per 10 minutes.
 */
export async function storeCollabState({ ctx, input }: VerbArgs<StoreCollabInput>): Promise<StoreCollabResult> {
  const data = parseInput(StoreCollabInput, input);
  return withTransaction(ctx, async (tx) => {
    const article = await lockArticle(tx, data.id);
    await settleDueSchedule(tx, article);
    assertCan(ctx.viewer, "article.edit", article);
    const { columns, relations, dropped } = await draftColumns(tx, article, data.copy);
    const version = article.version + 1;
    await tx
      .update(articles)
      .set({ ...columns, version, updatedById: actorId(ctx), updatedAt: sql`now()` })
      .where(eq(articles.id, article.id));
    await writeRelations(tx, article.id, relations);
    const state = { state: data.state, stateVector: data.stateVector, articleVersion: version, updatedAt: sql`now()` };
    await tx
      .insert(articleCollabStates)
      .values({ articleId: article.id, ...state })
      .onConflictDoUpdate({ target: articleCollabStates.articleId, set: state });
    const people = new Map<number, Viewer | null>([[ctx.viewer?.id ?? 0, ctx.viewer]]);
    for (const person of data.contributors) people.set(person.id, person);
    for (const person of people.values()) {
      // Copydesk itself (bringing in a restore made beside the document) wrote no revision of its own.
      if (!person || person.id <= 0) continue;
      await recordRevision(tx, { ...ctx, viewer: person }, { articleId: article.id, version, kind: "autosave" });
    }
    await announceCollabChange(tx, { articleId: article.id, version, source: "collab" });
    // A byline added or taken away changes who may write (a journalist edits the articles they
    // are on): everyone's open connection to the article is decided again. Not a workflow step:
    // nobody's page needs to refresh unless their own scope changes.
    const before = new Set(article.authorIds);
    if (relations.authorIds && (relations.authorIds.length !== before.size || relations.authorIds.some((id) => !before.has(id)))) {
      await announceAccessChange(tx, { articleId: article.id, byline: true });
    }
    // One row per store (the server stores after a pause in typing), naming everyone whose changes are in it.
    await audit(tx, ctx, { action: "article.collab_store", target: "article", id: article.id, summary: { version, contributors: [...people.keys()].filter((id) => id > 0), headline: columns.headline } });
    const problems = readinessProblems({ ...article, ...columns, authorIds: relations.authorIds ?? article.authorIds });
    for (const [field, message] of dropped) if (!problems[field]?.includes(message)) (problems[field] ??= []).push(message);
    return { id: article.id, version, problems };
  });
}

/**
 * The columns and relations a draft copy becomes. Values that cannot be stored as they are (a
 * section or image that does not exist, a slug that is taken or malformed, unknown authors,
 * related articles that are gone, unusable tag names) keep what the article had, each with
 * the message the editor shows at that field.
 */
export async function draftColumns(tx: Db, article: LockedArticle, copy: DraftCopy) {
  const dropped: [string, string][] = [];
  const node = parseBody(copy.body);

  let sectionId = copy.sectionId;
  if (sectionId !== null && sectionId !== article.sectionId) {
    const [section] = await tx.select({ id: sections.id }).from(sections).where(eq(sections.id, sectionId));
    if (!section) {
      dropped.push(["sectionId", "validation.sectionUnknown"]);
      sectionId = article.sectionId;
    }
  }

  let leadImageId = copy.leadImageId;
  if (leadImageId !== null && leadImageId !== article.leadImageId) {
    const [image] = await tx.select({ id: media.id }).from(media).where(eq(media.id, leadImageId));
    if (!image) {
      dropped.push(["leadImageId", "validation.mediaUnknown"]);
      leadImageId = article.leadImageId;
    }
  }

  const headline = copy.headline.trim();
  const slug = await draftSlug(tx, article, { headline, sectionId, slug: copy.slug.trim() }, dropped);

  let authorIds: number[] | undefined = [...new Set(copy.authorIds)];
  if (authorIds.length) {
    const active = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, authorIds), eq(users.active, true)));
    const kept = authorIds.filter((id) => active.some((a) => a.id === id));
    if (kept.length < authorIds.length) dropped.push(["authorIds", "validation.bylineUnknown"]);
    authorIds = kept;
  }
  if (!authorIds.length) {
    if (!copy.authorIds.length) dropped.push(["authorIds", "validation.bylineRequired"]);
    authorIds = undefined; // a byline is never emptied: the stored one stays
  } else if (authorIds.length > 10) {
    dropped.push(["authorIds", "validation.tooManyBylines"]);
    authorIds = authorIds.slice(0, 10);
  }

  const tags = copy.tags.map((t) => t.trim()).filter((t) => t.length > 0 && t.length <= 60 && slugify(t));
  if (tags.length < copy.tags.length) dropped.push(["tags", "validation.tagTooLong"]);
  if (tags.length > 30) dropped.push(["tags", "validation.tooManyTags"]);

  let related = copy.related.filter((l) => l.title.trim() && ("articleId" in l ? l.articleId !== article.id : /^https?:\/\/[^\s]+$/i.test(l.url)));
  const targetIds = related.flatMap((l) => ("articleId" in l ? [l.articleId] : []));
  if (targetIds.length) {
    const found = await tx.select({ id: articles.id }).from(articles).where(inArray(articles.id, targetIds));
    related = related.filter((l) => !("articleId" in l) || found.some((t) => t.id === l.articleId));
  }
  if (related.length < copy.related.length) dropped.push(["related", "validation.relatedMissing"]);

  const image = leadImageId !== null;
  const columns = {
    headline,
    standfirst: copy.standfirst.trim(),
    sectionId,
    language: copy.language,
    slug,
    body: node.toJSON(),
    wordCount: countWords(bodyText(node)),
    seoTitle: copy.seoTitle.trim(),
    seoDescription: copy.seoDescription.trim(),
    leadImageId,
    leadCaption: image ? copy.leadCaption.trim() : "",
    leadCredit: image ? copy.leadCredit.trim() : "",
    leadAlt: image ? copy.leadAlt.trim() : "",
  };
  return { columns, relations: { authorIds, tags: tags.slice(0, 30), related: related.slice(0, 20) }, dropped };
}

/**
 * The address of a draft copy: a slug set by hand is taken when it is well-formed and free;
 * otherwise it follows the headline until first publication, as saves do. Without a section
 * there is nothing to clash with yet (the unique index is per section).
 */
async function draftSlug(
  tx: Db,
  article: LockedArticle,
  copy: { headline: string; sectionId: number | null; slug: string },
  dropped: [string, string][],
): Promise<string> {
  const fromHeadline = slugify(copy.headline) || "artikel";
  if (copy.slug && copy.slug !== article.slug) {
    if (copy.slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(copy.slug)) dropped.push(["slug", "validation.slugInvalid"]);
    else if (copy.sectionId === null || (await freeSlug(tx, copy.slug, copy.sectionId, article.id)) === copy.slug) return copy.slug;
    else dropped.push(["slug", "validation.slugTaken"]);
  }
  const follows = !copy.slug && article.publishedVersion === null;
  if (copy.sectionId === null) return follows ? fromHeadline : article.slug;
  const moved = copy.sectionId !== article.sectionId;
  if (follows && (moved || copy.headline !== article.headline || article.sectionId === null)) return slugForHeadline(tx, copy.headline, copy.sectionId, article.id);
  if (moved) return freeSlug(tx, article.slug, copy.sectionId, article.id);
  return article.slug;
}

