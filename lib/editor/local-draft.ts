// Unsaved work kept in this browser (localStorage), so a crash, a reload or a lost network
// never costs a word. One entry per article ("new" before the first save).
import type { DraftFields } from "./article";

export type LocalDraft = {
  articleId: number | null;
  /** The server version the text was based on: restoring an older base leads to the conflict dialog. */
  baseVersion: number;
  fields: DraftFields;
  body: object;
  slugEdited: boolean;
  keptAt: string;
};

const key = (articleId: number | null) => `copydesk:draft:${articleId ?? "new"}`;

export function keepLocally(draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(draft.articleId), JSON.stringify(draft));
    return true;
  } catch {
    return false; // storage full or disabled: the server save is then the only copy
  }
}

export function readLocal(articleId: number | null): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(articleId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return draft && typeof draft === "object" && draft.fields && draft.body ? draft : null;
  } catch {
    return null;
  }
}

export function dropLocal(articleId: number | null): void {
  try {
    window.localStorage.removeItem(key(articleId));
  } catch {
    // nothing to drop
  }
}
