// A live blog as readers and the desk see it: plain data the data layer (db/live/queries.ts)
// returns and components render.
import type { JSONContent } from "@tiptap/core";

export type LiveAuthor = { id: number; name: string; slug: string };
export type ReaderLiveEntry = {
  id: number;
  title: string;
  html: string;
  /** Plain text (JSON-LD, feeds). */
  text: string;
  publishedAt: string;
  /** Set when the text changed after publication: readers see "updated". */
  editedAt: string | null;
  pinned: boolean;
  keyEvent: boolean;
  authors: LiveAuthor[];
};
export type LiveKeyEvent = { id: number; title: string; publishedAt: string; page: number };
export type LiveBlogInfo = {
  state: "live" | "ended";
  startedAt: string | null;
  endedAt: string | null;
  revision: number;
  language: "de" | "en";
  /** The reader page's address: /{section}/{slug}. */
  path: string;
};
export type ReaderLivePage = LiveBlogInfo & {
  page: number;
  pages: number;
  pinned: ReaderLiveEntry[];
  entries: ReaderLiveEntry[];
  keyEvents: LiveKeyEvent[];
};

export type DeskLiveEntry = {
  id: number;
  version: number;
  title: string;
  body: JSONContent;
  authorIds: number[];
  authors: string[];
  createdById: number | null;
  pinned: boolean;
  keyEvent: boolean;
  publishedAt: string | null;
  editedAt: string | null;
};
export type DeskLiveBlog = {
  articleId: number;
  state: "live" | "ended" | null;
  startedAt: string | null;
  endedAt: string | null;
  publisherIds: number[];
  entries: DeskLiveEntry[];
};
