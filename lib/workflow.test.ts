import { describe, expect, it } from "vitest";
import { ARTICLE_STATUSES, canTransition, transition, type ArticleStatus, type WorkflowAction } from "./workflow";
import { Invalid } from "./errors";

describe("workflow", () => {
  const allowed: [ArticleStatus, WorkflowAction, ArticleStatus][] = [
    ["draft", "submit", "in_review"],
    ["changes_requested", "submit", "in_review"],
    ["in_review", "withdraw", "draft"],
    ["in_review", "request_changes", "changes_requested"],
    ["in_review", "publish", "published"],
    ["draft", "publish", "published"], // editors may publish straight from a draft
    ["published", "publish", "published"], // publishing an update
    ["unpublished", "publish", "published"],
    ["in_review", "schedule", "scheduled"],
    ["scheduled", "cancel_schedule", "in_review"],
    ["published", "unpublish", "unpublished"],
  ];
  it.each(allowed)("%s --%s--> %s", (from, action, to) => {
    expect(transition(from, action)).toBe(to);
  });

  const refused: [ArticleStatus, WorkflowAction][] = [
    ["draft", "request_changes"],
    ["published", "submit"],
    ["in_review", "submit"],
    ["draft", "unpublish"],
    ["unpublished", "unpublish"],
    ["published", "withdraw"],
  ];
  it.each(refused)("refuses %s --%s-->", (from, action) => {
    expect(canTransition(from, action)).toBe(false);
    expect(() => transition(from, action)).toThrow(Invalid);
  });

  it("can always reach publication from every state except by unpublish-only paths", () => {
    for (const status of ARTICLE_STATUSES) expect(canTransition(status, "publish")).toBe(true);
  });
});
