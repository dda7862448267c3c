// The editorial workflow as a pure state machine. The data layer asks `transition()`
// inside the same transaction that writes the new status and the audit event.
import { Invalid } from "./errors";

export const ARTICLE_STATUSES = [
  "draft",
  "in_review",
  "changes_requested",
  "scheduled",
  "published",
  "unpublished",
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const WORKFLOW_ACTIONS = [
  "submit",
  "withdraw",
  "request_changes",
  "publish",
  "schedule",
  "cancel_schedule",
  "unpublish",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

const TRANSITIONS: Record<WorkflowAction, { from: readonly ArticleStatus[]; to: ArticleStatus }> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review" },
  withdraw: { from: ["in_review"], to: "draft" },
  request_changes: { from: ["in_review"], to: "changes_requested" },
  // An editor may publish straight from a draft; publishing a published article publishes its update.
  publish: {
    from: ["draft", "in_review", "changes_requested", "scheduled", "published", "unpublished"],
    to: "published",
  },
  schedule: { from: ["draft", "in_review", "changes_requested", "scheduled", "unpublished"], to: "scheduled" },
  cancel_schedule: { from: ["scheduled"], to: "in_review" },
  unpublish: { from: ["published", "scheduled"], to: "unpublished" },
};

export function canTransition(from: ArticleStatus, action: WorkflowAction): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function transition(from: ArticleStatus, action: WorkflowAction): ArticleStatus {
  if (!canTransition(from, action)) {
    throw new Invalid({}, "errors.transition", { status: `status.${from}`, action: `errors.transitionAction.${action}` });
  }
  return TRANSITIONS[action].to;
}

/** Statuses in which the working copy is still the author's to change. */
export const AUTHOR_EDITABLE: readonly ArticleStatus[] = ["draft", "changes_requested"];
