// What the article editor works with in the browser, and how it becomes a save request.
// Pure and client-safe: the page and the actions convert database rows into this shape.
import { imageSources, type MediaVariant } from "@/lib/media/urls";
import type { ArticleAccess } from "@/lib/permissions";
import type { ArticleStatus } from "@/lib/workflow";

export type LeadImage = { mediaId: number; src: string; srcset: string; width: number; height: number; caption: string; credit: string; alt: string };
export type RelatedItem = { articleId: number; title: string; href: string | null } | { url: string; title: string };

/** Everything a journalist edits beside the body text. */
export type DraftFields = {
  headline: string;
  standfirst: string;
  sectionId: string;
  language: "de" | "en";
  slug: string;
  seoTitle: string;
  seoDescription: string;
  authors: { id: number; name: string }[];
  lead: LeadImage | null;
  tags: string[];
  related: RelatedItem[];
};

export type EditorArticle = {
  id: number;
  status: ArticleStatus;
  version: number;
  createdById: number | null;
  authorIds: readonly number[];
  liveUrl: string | null;
  scheduledFor: string | null;
  hasUnpublishedChanges: boolean;
  updatedAt: string;
  fields: DraftFields;
  body: unknown;
};

/** An article as the desk loads it for editing (db/articles/queries.ts), before it becomes an EditorArticle. */
export type EditableArticle = ArticleAccess & {
  id: number;
  headline: string;
  standfirst: string;
  /** Null: a draft nobody has placed in a section yet. */
  sectionId: number | null;
  sectionSlug: string | null;
  slug: string;
  language: "de" | "en";
  body: unknown;
  version: number;
  publishedVersion: number | null;
  authors: { id: number; name: string }[];
  updatedAt: string;
  liveUrl: string | null;
  /** When a scheduled article appears (null when not scheduled or already visible). */
  scheduledFor: string | null;
  seoTitle: string;
  seoDescription: string;
  /** The lead image as placed in this article (its storage details turn into URLs in the page). */
  lead: { mediaId: number; storageKey: string; variants: MediaVariant[]; width: number; height: number; filename: string; caption: string; credit: string; alt: string } | null;
  tags: string[];
  related: EditableRelated[];
};

export type EditableRelated =
  | { articleId: number; title: string; href: string | null }
  | { url: string; title: string };

export function toEditorArticle(a: EditableArticle): EditorArticle {
  return {
    id: a.id,
    status: a.status,
    version: a.version,
    createdById: a.createdById,
    authorIds: a.authorIds,
    liveUrl: a.liveUrl,
    scheduledFor: a.scheduledFor,
    hasUnpublishedChanges: a.publishedVersion !== null && a.version > a.publishedVersion,
    updatedAt: a.updatedAt,
    body: a.body,
    fields: {
      headline: a.headline,
      standfirst: a.standfirst,
      sectionId: a.sectionId === null ? "" : String(a.sectionId),
      language: a.language,
      slug: a.slug,
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      authors: a.authors,
      lead: a.lead
        ? { mediaId: a.lead.mediaId, ...imageSources(a.lead.variants), width: a.lead.width, height: a.lead.height, caption: a.lead.caption, credit: a.lead.credit, alt: a.lead.alt }
        : null,
      tags: a.tags,
      related: a.related,
    },
  };
}

/** The save request for the current screen. The slug is sent only once someone typed one. */
export function toSaveInput(fields: DraftFields, body: object, opts: { slugEdited: boolean }) {
  return {
    headline: fields.headline,
    standfirst: fields.standfirst,
    sectionId: Number(fields.sectionId),
    language: fields.language,
    body,
    ...(opts.slugEdited ? { slug: fields.slug } : {}),
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    authorIds: fields.authors.map((a) => a.id),
    leadImageId: fields.lead?.mediaId ?? null,
    leadCaption: fields.lead?.caption ?? "",
    leadCredit: fields.lead?.credit ?? "",
    leadAlt: fields.lead?.alt ?? "",
    tags: fields.tags,
    related: fields.related.map((r) => ("articleId" in r ? { articleId: r.articleId, title: r.title } : { url: r.url, title: r.title })),
  };
}

/** Adds a tag unless one with the same name (ignoring case and spacing) is there already. */
export function addTag(tags: readonly string[], name: string): string[] {
  const clean = name.trim().replace(/\s+/g, " ");
  if (!clean) return [...tags];
  const key = clean.toLocaleLowerCase("de");
  return tags.some((t) => t.toLocaleLowerCase("de") === key) ? [...tags] : [...tags, clean];
}

/** Moves the first item that `match`es one place up or down (nothing when there is none). */
export function moveWhere<T>(items: readonly T[], match: (item: T) => boolean, by: -1 | 1): T[] {
  return move(items, items.findIndex(match), by);
}

/** Moves an item one place up (-1) or down (+1); out-of-range moves change nothing. */
export function move<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return [...items];
  const next = [...items];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

export function emptyFields(authors: { id: number; name: string }[]): DraftFields {
  return { headline: "", standfirst: "", sectionId: "", language: "de", slug: "", seoTitle: "", seoDescription: "", authors, lead: null, tags: [], related: [] };
}
