import { describe, expect, it } from "vitest";
import { can, assertCan, canEditLiveEntry, canPublishLiveEntry, assertCanPublishLiveEntry, type Capability, type Role, type ArticleAccess } from "./permissions";
import { Forbidden } from "./errors";
import type { ArticleStatus } from "./workflow";

const viewer = (role: Role, id = 7) => ({ id, role, name: role });

describe("role capabilities", () => {
  // capability → [journalist, editor, admin]
  const matrix: [Capability, boolean, boolean, boolean][] = [
    ["article.create", true, true, true],
    ["article.submit", true, true, true],
    ["article.publish", false, true, true],
    ["article.schedule", false, true, true],
    ["article.unpublish", false, true, true],
    ["article.request_changes", false, true, true],
    ["article.edit_any", false, true, true],
    ["live.write", true, true, true],
    ["live.publish", false, true, true],
    ["live.manage", false, true, true],
    ["comment.moderate", false, true, true],
    ["taxonomy.manage", false, true, true],
    ["front.arrange", false, true, true],
    ["site.pages", false, false, true],
    ["user.manage", false, false, true],
    ["audit.read", false, false, true],
  ];
  it.each(matrix)("%s: journalist %s, editor %s, admin %s", (capability, journalist, editor, admin) => {
    expect(can(viewer("journalist"), capability)).toBe(journalist);
    expect(can(viewer("editor"), capability)).toBe(editor);
    expect(can(viewer("admin"), capability)).toBe(admin);
  });

  it("anonymous visitors can do nothing", () => {
    expect(can(null, "article.create")).toBe(false);
    expect(() => assertCan(null, "article.create")).toThrow(Forbidden);
  });
});

describe("per-article rules", () => {
  const article = (status: ArticleStatus, authorIds = [7]): ArticleAccess => ({ status, authorIds, createdById: authorIds[0] ?? null });

  it("a journalist edits their own drafts and sent-back articles only", () => {
    const me = viewer("journalist", 7);
    expect(can(me, "article.edit", article("draft"))).toBe(true);
    expect(can(me, "article.edit", article("changes_requested"))).toBe(true);
    expect(can(me, "article.edit", article("in_review"))).toBe(false);
    expect(can(me, "article.edit", article("published"))).toBe(false);
    expect(can(me, "article.edit", article("draft", [8]))).toBe(false);
  });

  it("a co-author counts as an author", () => {
    expect(can(viewer("journalist", 9), "article.edit", { status: "draft", authorIds: [7, 9], createdById: 7 })).toBe(true);
  });

  it("editors edit anything, at any stage", () => {
    expect(can(viewer("editor", 1), "article.edit", article("published", [7]))).toBe(true);
    expect(can(viewer("editor", 1), "article.publish", article("in_review", [7]))).toBe(true);
  });

  it("a journalist can never publish, not even their own article", () => {
    expect(can(viewer("journalist", 7), "article.publish", article("in_review"))).toBe(false);
    expect(() => assertCan(viewer("journalist", 7), "article.publish", article("in_review"))).toThrow("errors.publishEditorsOnly");
  });
});

describe("live blog entries", () => {
  const blog = (publisherIds: number[] = []) => ({ publisherIds });
  const entry = (authorIds: number[]) => ({ authorIds, createdById: authorIds[0] ?? null });

  it("editors publish entries in every live blog; a journalist only where an editor named them", () => {
    expect(canPublishLiveEntry(viewer("editor", 1), blog())).toBe(true);
    expect(canPublishLiveEntry(viewer("admin", 2), blog())).toBe(true);
    expect(canPublishLiveEntry(viewer("journalist", 7), blog())).toBe(false);
    expect(canPublishLiveEntry(viewer("journalist", 7), blog([8]))).toBe(false);
    expect(canPublishLiveEntry(viewer("journalist", 7), blog([8, 7]))).toBe(true);
    expect(canPublishLiveEntry(null, blog([7]))).toBe(false);
    expect(() => assertCanPublishLiveEntry(viewer("journalist", 7), blog())).toThrow("errors.livePublishNotAllowed");
  });

  it("a journalist edits their own entries; whoever may publish there edits any", () => {
    expect(canEditLiveEntry(viewer("journalist", 7), entry([7]), blog())).toBe(true);
    expect(canEditLiveEntry(viewer("journalist", 7), entry([8, 7]), blog())).toBe(true);
    expect(canEditLiveEntry(viewer("journalist", 7), entry([8]), blog())).toBe(false);
    expect(canEditLiveEntry(viewer("journalist", 7), entry([8]), blog([7]))).toBe(true);
    expect(canEditLiveEntry(viewer("editor", 1), entry([8]), blog())).toBe(true);
  });
});
