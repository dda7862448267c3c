// Who may do what — the one place. The UI asks `can()` to decide what to show; the data
// layer calls `assertCan()` next to every write, so hiding a button is never the only guard.
import { Forbidden } from "./errors";
import { AUTHOR_EDITABLE, type ArticleStatus } from "./workflow";

export const ROLES = ["admin", "editor", "journalist"] as const;
export type Role = (typeof ROLES)[number];

export type Viewer = { id: number; role: Role; name: string; locale?: "de" | "en" | null };

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
  | "media.upload"
  | "media.edit_any"
  | "comment.moderate"
  | "taxonomy.manage"
  | "user.manage";

/** Role → capabilities. Per-article rules below narrow the journalist's ones to their own drafts. */
const ROLE_CAPABILITIES: Record<Role, ReadonlySet<Capability>> = {
  journalist: new Set<Capability>(["article.create", "article.edit", "article.submit", "article.withdraw", "article.note", "media.upload"]),
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
    "media.upload",
    "media.edit_any",
    "comment.moderate",
    "taxonomy.manage",
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
    "media.upload",
    "media.edit_any",
    "comment.moderate",
    "taxonomy.manage",
    "user.manage",
  ]),
};

/** The part of an article the rules look at. */
export type ArticleAccess = { status: ArticleStatus; authorIds: readonly number[]; createdById: number | null };

function isAuthor(viewer: Viewer, article: ArticleAccess): boolean {
  return article.createdById === viewer.id || article.authorIds.includes(viewer.id);
}

export function can(viewer: Viewer | null | undefined, capability: Capability, article?: ArticleAccess): boolean {
  if (!viewer) return false;
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
