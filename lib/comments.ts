// Reader comments: the pure rules (limits, how plain text becomes paragraphs, how a poster's
// address becomes an unreadable key). No database, no React.
import crypto from "node:crypto";

export const COMMENT_NAME_MAX = 80;
export const COMMENT_TEXT_MAX = 5000;

/** Per poster (hashed address), across the whole site. */
export const COMMENT_CLIENT_WINDOW = { limit: 5, windowSeconds: 600 } as const;
/** Per article, all posters together: a flood on one article can't bury the moderators. */
export const COMMENT_ARTICLE_WINDOW = { limit: 30, windowSeconds: 600 } as const;

/** Moderation actions and the status each one leaves a comment in. */
export const MODERATION_STATUS = { approve: "approved", reject: "rejected", spam: "spam" } as const;
export type ModerationAction = keyof typeof MODERATION_STATUS;

/**
 * Plain text as typed, minus what can't be stored or shown: Windows line ends become "\n" and
 * control characters other than line feed and tab are dropped (PostgreSQL refuses NUL in text).
 */
export function normalizeCommentText(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/**
 * A comment's text as paragraphs (blank lines separate them) of lines (single line breaks
 * stay). The caller renders each line as escaped text: a comment never becomes markup.
 */
export function commentParagraphs(text: string): string[][] {
  return text
    .split(/\n[ \t]*\n+/)
    .map((p) => p.split("\n").map((line) => line.trimEnd()))
    .map((lines) => lines.filter((line, i) => line !== "" || (i > 0 && i < lines.length - 1)))
    .filter((lines) => lines.some((line) => line.trim() !== ""));
}

/**
 * A one-way key for a poster's network address: HMAC-SHA256 with the server secret, so the
 * stored value can't be turned back into an address by hashing the (small) address space.
 */
export function hashClientAddress(address: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`comment-client:${address.trim().toLowerCase()}`).digest("base64url");
}

/** What the comment form's route reported back (in the article's query string). */
export type CommentFeedback = {
  state: "pending" | "invalid" | "limited" | "closed" | "error" | null;
  /** Message keys under `validation.`, only ones the form knows. */
  nameError?: string;
  textError?: string;
  name?: string;
  /** What they wrote, when it fitted into the address (a refused comment isn't lost). */
  text?: string;
  minutes?: number;
};

const FIELD_ERRORS = new Set(["commentNameRequired", "commentNameTooLong", "commentTextRequired", "commentTextTooLong", "invalidValue", "invalidCharacters"]);
const STATES = new Set(["pending", "invalid", "limited", "closed", "error"]);

/** Reads the route's report from search params, ignoring anything it wouldn't have written. */
export function readCommentFeedback(params: Record<string, string | string[] | undefined>): CommentFeedback {
  const one = (key: string) => {
    const v = params[key];
    return typeof v === "string" ? v : undefined;
  };
  const state = one("comment");
  if (!state || !STATES.has(state)) return { state: null };
  const fieldError = (key: string) => {
    const v = one(key);
    return v && FIELD_ERRORS.has(v) ? v : undefined;
  };
  const minutes = Number(one("minutes"));
  return {
    state: state as CommentFeedback["state"],
    nameError: fieldError("nameError"),
    textError: fieldError("textError"),
    name: one("name")?.slice(0, COMMENT_NAME_MAX),
    text: one("text")?.slice(0, COMMENT_TEXT_MAX),
    minutes: Number.isInteger(minutes) && minutes > 0 && minutes <= 60 ? minutes : undefined,
  };
}
