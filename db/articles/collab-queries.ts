import "server-only";
import { asc, eq } from "drizzle-orm";
import type { ArticleAccess } from "@/lib/permissions";
import { executor, type Ctx } from "../context";
import { articleAuthors, articleCollabStates, articles } from "../schema";
import { currentFields } from "./revision-log";
import { followsHeadline } from "./save";

/** The JSON working copy in the shape of the co-editing document (lib/collab/document.ts). */
export type CollabWorkingCopy = {
  headline: string;
  standfirst: string;
  seoTitle: string;
  seoDescription: string;
  slug: string;
  leadCaption: string;
  leadCredit: string;
  leadAlt: string;
  sectionId: number | null;
  language: "de" | "en";
  leadImageId: number | null;
  authorIds: number[];
  tags: string[];
  related: ({ articleId: number; title: string } | { url: string; title: string })[];
  body: unknown;
};

export type CollabSource = {
  id: number;
  version: number;
  access: ArticleAccess;
  copy: CollabWorkingCopy;
  /** The stored Yjs state, and the article version it was stored with (null: none yet). */
  state: Uint8Array | null;
  stateVersion: number | null;
};

/**
 * What the collaboration server needs to open an article's document: the stored Yjs state and
 * the JSON working copy (to build the first state, or to bring in what was written beside the
 * document since — `version` newer than `stateVersion`).
 */
export async function getCollabSource(id: number, ctx?: Pick<Ctx, "tx">): Promise<CollabSource | null> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ article: articles, state: articleCollabStates.state, stateVersion: articleCollabStates.articleVersion })
    .from(articles)
    .leftJoin(articleCollabStates, eq(articleCollabStates.articleId, articles.id))
    .where(eq(articles.id, id));
  if (!row) return null;
  const a = row.article;
  const f = await currentFields(db, id);
  // A slug that follows the headline is not written into the document: it keeps following.
  const follows = a.publishedVersion === null && followsHeadline(a.slug, a.headline);
  return {
    id,
    version: a.version,
    access: { status: a.status, authorIds: f.authorIds, createdById: a.createdById },
    copy: {
      headline: a.headline,
      standfirst: a.standfirst,
      seoTitle: a.seoTitle,
      seoDescription: a.seoDescription,
      slug: follows ? "" : a.slug,
      leadCaption: a.leadCaption,
      leadCredit: a.leadCredit,
      leadAlt: a.leadAlt,
      sectionId: a.sectionId,
      language: a.language,
      leadImageId: a.leadImageId,
      authorIds: f.authorIds,
      tags: f.tags,
      related: f.related,
      body: a.body,
    },
    state: row.state,
    stateVersion: row.stateVersion,
  };
}

/** What the permission rules look at for an article (null: no such article). */
export async function getArticleAccess(id: number, ctx?: Pick<Ctx, "tx">): Promise<ArticleAccess | null> {
  const db = await executor(ctx);
  const [a] = await db.select({ status: articles.status, createdById: articles.createdById }).from(articles).where(eq(articles.id, id));
  if (!a) return null;
  const authors = await db.select({ userId: articleAuthors.userId }).from(articleAuthors).where(eq(articleAuthors.articleId, id)).orderBy(asc(articleAuthors.position));
  return { ...a, authorIds: authors.map((r) => r.userId) };
}
