// Who may do what — the one place. The UI asks `can()` to decide what to show; the data
// layer calls `assertCan()` next to every write, so hiding a button is never the only guard.
import { Forbidden } from "./errors";
import { AUTHOR_EDITABLE, type ArticleStatus } from "./workflow";

export const ROLES = ["admin", "editor", "journalist"] as const;
export type Role = (typeof ROLES)[number];

/**
 * `sessionId`: the signed-in session making the request (app/auth.ts), when there is one;
 * `address`: the address that request came from, when known (for the audit log).
 */
export type Viewer = {
  id: number;
  role: Role;
  name: string;
  locale?: "de" | "en" | null;
  sessionId?: string;
  address?: string | null;
  /** Their role requires a second factor and they have none yet: nothing is allowed but enrolling (app/auth.ts). */
  mustEnrol?: boolean;
};

export type Capability =
  | "article.create"
  | "article.edit"
  | "article.submit"
  | "article.withdraw"
  | "article.request_changes"
  | "article.publish"
  | "article.schedule"
  | "article.unpublish"
  | "article.edit_any"
  | "article.note"
  | "live.write"
  | "live.publish"
  | "live.manage"
  | "media.upload"
  | "media.edit_any"
  | "comment.moderate"
  | "taxonomy.manage"
  | "front.arrange"
  | "site.pages"
  | "user.manage"
  | "audit.read";

/** Role → capabilities. Per-article rules below narrow the journalist's ones to their own drafts. */
const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  journalist: new Set<Capability>(["article.create", "article.edit", "article.submit", "article.withdraw", "article.note", "live.write", "media.upload"]),
  editor: new Set<Capability>([
    "article.create",
    "article.edit",
    "article.submit",
    "article.withdraw",
    "article.edit_any",
    "article.note",
    "article.request_changes",
    "article.publish",
    "article.schedule",
    "article.unpublish",
    "live.write",
    "live.publish",
    "live.manage",
    "media.upload",
    "media.edit_any",
    "comment.moderate",
    "taxonomy.manage",
    "front.arrange",
  ]),
  admin: new Set<Capability>([
    "article.create",
    "article.edit",
    "article.submit",
    "article.withdraw",
    "article.edit_any",
    "article.note",
    "article.request_changes",
    "article.publish",
    "article.schedule",
    "article.unpublish",
    "live.write",
    "live.publish",
    "live.manage",
    "media.upload",
    "media.edit_any",
    "comment.moderate",
    "taxonomy.manage",
    "front.arrange",
    "site.pages",
    "user.manage",
    "audit.read",
  ]),
};

/** The part of an article the rules look at. */
export type ArticleAccess = { status: ArticleStatus; authorIds: readonly number[]; createdById: number | null };

function isAuthor(viewer: Viewer, article: ArticleAccess): boolean {
  return article.createdById === viewer.id || article.authorIds.includes(viewer.id);
}

export function can(viewer: Viewer | null | undefined, capability: Capability, article?: ArticleAccess): boolean {
  if (!viewer || viewer.mustEnrol) return false;
  if (!ROLE_CAPABILITIES[viewer.role]?.has(capability)) return false;
  if (!article) return true;
  const editsAny = ROLE_CAPABILITIES[viewer.role].has("article.edit_any");
  switch (capability) {
    case "article.edit":
    case "article.submit":
      // A journalist changes only their own drafts, or ones an editor sent back.
      return editsAny || (isAuthor(viewer, article) && AUTHOR_EDITABLE.includes(article.status));
    case "article.withdraw":
      return editsAny || (isAuthor(viewer, article) && article.status === "in_review");
    default:
      return true;
  }
}

export function assertCan(viewer: Viewer | null | undefined, capability: Capability, article?: ArticleAccess): void {
  if (!viewer) throw new Forbidden("errors.signInFirst");
  if (viewer.mustEnrol) throw new Forbidden("errors.secondFactorRequired");
  if (!can(viewer, capability, article)) throw new Forbidden(FORBIDDEN_MESSAGES[capability] ?? undefined);
}

/** Message keys (messages/*.json) for refusals that deserve more than "not allowed". */
const FORBIDDEN_MESSAGES: Partial<Record<Capability, string>> = {
  "article.edit": "errors.editOwnOnly",
  "article.submit": "errors.submitOwnOnly",
  "article.publish": "errors.publishEditorsOnly",
  "article.schedule": "errors.scheduleEditorsOnly",
  "article.unpublish": "errors.unpublishEditorsOnly",
  "article.request_changes": "errors.requestChangesEditorsOnly",
  "user.manage": "errors.manageUsersAdminsOnly",
  "media.upload": "errors.mediaUploadNotAllowed",
  "taxonomy.manage": "errors.taxonomyEditorsOnly",
  "comment.moderate": "errors.moderateCommentsEditorsOnly",
  "front.arrange": "errors.arrangeFrontEditorsOnly",
  "site.pages": "errors.sitePagesAdminsOnly",
  "audit.read": "errors.auditAdminsOnly",
  "live.write": "errors.liveWriteNotAllowed",
  "live.publish": "errors.livePublishNotAllowed",
  "live.manage": "errors.liveManageEditorsOnly",
};

/** The part of a library image the rules look at. */
export type MediaAccess = { uploadedById: number | null };

/** Caption, credit and alt defaults of a library image: its uploader, or whoever may edit all media. */
export function canEditMedia(viewer: Viewer | null | undefined, item: MediaAccess): boolean {
  if (!viewer) return false;
  return can(viewer, "media.edit_any") || (item.uploadedById === viewer.id && can(viewer, "media.upload"));
}

export function assertCanEditMedia(viewer: Viewer | null | undefined, item: MediaAccess): void {
  if (!viewer) throw new Forbidden("errors.signInFirst");
  if (!canEditMedia(viewer, item)) throw new Forbidden("errors.mediaEditOwnOnly");
}

/** A person ends their own sessions; an admin (user.manage) anyone's. */
export function canEndSessionsOf(viewer: Viewer | null | undefined, userId: number): boolean {
  return Boolean(viewer && (viewer.id === userId || can(viewer, "user.manage")));
}

export function assertCanEndSessionsOf(viewer: Viewer | null | undefined, userId: number): void {
  if (!viewer) throw new Forbidden("errors.signInFirst");
  if (!canEndSessionsOf(viewer, userId)) throw new Forbidden("errors.manageUsersAdminsOnly");
}

/** The part of a live blog the entry rules look at: the journalists an editor named as publishers. */
export type LiveBlogAccess = { publisherIds: readonly number[] };
/** The part of a live entry the rules look at. */
export type LiveEntryAccess = { authorIds: readonly number[]; createdById: number | null };

/**
 * Publishing an entry (and pinning it, marking it a key event): editors in every live blog; a
 * journalist only in a live blog whose publishers an editor named them among.
 */
export function canPublishLiveEntry(viewer: Viewer | null | undefined, blog: LiveBlogAccess): boolean {
  if (!viewer) return false;
  return can(viewer, "live.publish") || (can(viewer, "live.write") && blog.publisherIds.includes(viewer.id));
}

export function assertCanPublishLiveEntry(viewer: Viewer | null | undefined, blog: LiveBlogAccess): void {
  if (!viewer) throw new Forbidden("errors.signInFirst");
  if (!canPublishLiveEntry(viewer, blog)) throw new Forbidden("errors.livePublishNotAllowed");
}

/**
 * Changing an entry's text: its own authors, or whoever may publish in this live blog (an editor
 * fixes a reporter's typo). Everyone who writes entries may start one of their own.
 */
export function canEditLiveEntry(viewer: Viewer | null | undefined, entry: LiveEntryAccess, blog: LiveBlogAccess): boolean {
  if (!viewer || !can(viewer, "live.write")) return false;
  return entry.createdById === viewer.id || entry.authorIds.includes(viewer.id) || canPublishLiveEntry(viewer, blog);
}

export function assertCanEditLiveEntry(viewer: Viewer | null | undefined, entry: LiveEntryAccess, blog: LiveBlogAccess): void {
  if (!viewer) throw new Forbidden("errors.signInFirst");
  if (!canEditLiveEntry(viewer, entry, blog)) throw new Forbidden("errors.liveEditOwnOnly");
}
