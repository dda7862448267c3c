// Articles as the desk lists them: plain data the data layer (db/articles/queries.ts) returns
// and the desk's components render.
import type { ArticleStatus } from "@/lib/workflow";

/** One row of the desk's article lists (dashboard, search). */
export type DeskArticle = {
  id: number;
  headline: string;
  status: ArticleStatus;
  sectionName: string;
  updatedAt: string;
  authors: string[];
  hasUnpublishedChanges: boolean;
  /** When a scheduled article appears (null otherwise). */
  scheduledFor: string | null;
};

/** One step of an article's audit trail: who moved it where, when, and why. */
export type ArticleEvent = { id: number; action: string; from: ArticleStatus | null; to: ArticleStatus; note: string; actor: string | null; at: string };

/** An article someone is writing in right now, and who (the dashboard's "being edited now"). */
export type ArticleBeingEdited = { articleId: number; headline: string; people: { id: number; name: string }[] };
