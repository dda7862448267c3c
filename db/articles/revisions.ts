import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { bodyText, parseBody } from "@/lib/content/body";
import { executor, type Ctx } from "../context";
import { articleRevisions, articles, media, sections, users, type RevisionFields } from "../schema";

export type RevisionKind = (typeof articleRevisions.$inferSelect)["kind"];

/** One line of an article's history. */
export type RevisionSummary = {
  id: number;
  version: number;
  kind: RevisionKind;
  /** For a restore: the version it brought back. */
  restoredFrom: number | null;
  createdAt: string;
  /** Later than `createdAt` when autosaves were folded into this revision. */
  updatedAt: string;
  author: string | null;
};

/** A revision's metadata as people read it: names instead of ids. */
export type ShownFields = {
  section: string;
  language: "de" | "en";
  slug: string;
  seoTitle: string;
  seoDescription: string;
  /** The image's file name, or `#id` when it has left the library; "" for none. */
  leadImage: string;
  leadCaption: string;
  leadCredit: string;
  leadAlt: string;
  authors: string[];
  tags: string[];
  related: string[];
};

export type RevisionDetail = RevisionSummary & {
  headline: string;
  standfirst: string;
  body: JSONContent;
  bodyText: string;
  /** Null for revisions written before metadata was kept with them. */
  fields: RevisionFields | null;
  shown: ShownFields | null;
};

const summaryColumns = {
  id: articleRevisions.id,
  version: articleRevisions.version,
  kind: articleRevisions.kind,
  restoredFrom: articleRevisions.restoredFrom,
  createdAt: articleRevisions.createdAt,
  updatedAt: articleRevisions.updatedAt,
  author: users.name,
};

function toSummary(r: Omit<RevisionSummary, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date }): RevisionSummary {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** An article's revisions, newest first. */
export async function listRevisions(articleId: number, ctx?: Pick<Ctx, "tx">): Promise<RevisionSummary[]> {
  const db = await executor(ctx);
  const rows = await db
    .select(summaryColumns)
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdById))
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version), desc(articleRevisions.id));
  return rows.map(toSummary);
}

/** One revision of the article, with its text and metadata; null when it is not this article's. */
export async function getRevision(articleId: number, revisionId: number, ctx?: Pick<Ctx, "tx">): Promise<RevisionDetail | null> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ ...summaryColumns, headline: articleRevisions.headline, standfirst: articleRevisions.standfirst, body: articleRevisions.body, fields: articleRevisions.fields })
    .from(articleRevisions)
    .leftJoin(users, eq(users.id, articleRevisions.createdById))
    .where(and(eq(articleRevisions.id, revisionId), eq(articleRevisions.articleId, articleId)));
  if (!row) return null;
  const { headline, standfirst, body, fields, ...summary } = row;
  return {
    ...toSummary(summary),
    headline,
    standfirst,
    body,
    bodyText: revisionBodyText(body),
    fields,
    shown: fields ? await showFields(db, fields) : null,
  };
}

/**
 * Plain text of a stored body, paragraphs separated by blank lines. A body the current
 * schema no longer accepts (an old revision) still yields its words rather than an error.
 */
export function revisionBodyText(body: unknown): string {
  try {
    return bodyText(parseBody(body));
  } catch {
    const blocks: string[] = [];
    const walk = (node: JSONContent): string => (node.text ?? "") + (node.content ?? []).map(walk).join("");
    for (const block of (body as JSONContent | null)?.content ?? []) blocks.push(walk(block));
    return blocks.filter(Boolean).join("\n\n");
  }
}

async function showFields(db: Awaited<ReturnType<typeof executor>>, f: RevisionFields): Promise<ShownFields> {
  const [section] = f.sectionId === null ? [] : await db.select({ name: sections.name }).from(sections).where(eq(sections.id, f.sectionId));
  const people = f.authorIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, f.authorIds))
    : [];
  const image = f.leadImage
    ? (await db.select({ filename: media.filename }).from(media).where(eq(media.id, f.leadImage.mediaId)))[0]
    : undefined;
  const targetIds = f.related.flatMap((l) => ("articleId" in l ? [l.articleId] : []));
  const targets = targetIds.length
    ? await db.select({ id: articles.id, headline: articles.headline }).from(articles).where(inArray(articles.id, targetIds))
    : [];
  return {
    section: section?.name ?? (f.sectionId === null ? "" : `#${f.sectionId}`),
    language: f.language,
    slug: f.slug,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    leadImage: f.leadImage ? (image?.filename ?? `#${f.leadImage.mediaId}`) : "",
    leadCaption: f.leadImage?.caption ?? "",
    leadCredit: f.leadImage?.credit ?? "",
    leadAlt: f.leadImage?.alt ?? "",
    authors: f.authorIds.map((id) => people.find((p) => p.id === id)?.name ?? `#${id}`),
    tags: f.tags,
    related: f.related.map((l) =>
      "url" in l ? `${l.title} (${l.url})` : `${l.title} (${targets.find((t) => t.id === l.articleId)?.headline ?? `#${l.articleId}`})`,
    ),
  };
}
