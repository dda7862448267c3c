// What the audit log records: the action names (one per mutating verb), the kinds of thing an
// action names as its target, and the cleaning every summary gets before it is stored.

export const AUDIT_ACTIONS = [
  "article.create",
  "article.save",
  "article.collab_store",
  "article.restore",
  "article.submit",
  "article.withdraw",
  "article.request_changes",
  "article.publish",
  "article.schedule",
  "article.cancel_schedule",
  "article.unpublish",
  "article.note",
  "live.set",
  "live.publishers",
  "live_entry.create",
  "live_entry.update",
  "live_entry.publish",
  "live_entry.flags",
  "live_entry.delete",
  "comment.post",
  "comment.moderate",
  "comment.set_open",
  "front.place",
  "front.clear",
  "media.upload",
  "media.update",
  "media.delete",
  "section.create",
  "section.rename",
  "section.move",
  "section.reorder",
  "tag.create",
  "tag.rename",
  "tag.merge",
  "tag.delete",
  "site_page.update",
  "user.create",
  "user.role",
  "user.activate",
  "user.deactivate",
  "user.password_reset",
  "user.password_change",
  "user.profile",
  "user.locale",
  "user.second_factor_reset",
  "second_factor.enrol_start",
  "second_factor.enrol",
  "second_factor.remove",
  "second_factor.recovery_regenerate",
  "second_factor.recovery_used",
  "notifications.read_all",
  "session.end",
  "session.end_all",
  "signin.success",
  "signin.failure",
  "signin.throttled",
  "signin.second_factor",
  "signin.second_factor_failure",
  "backup.import",
  "settings.second_factor_roles",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_TARGETS = ["article", "live_entry", "comment", "front", "media", "section", "tag", "site_page", "user", "account", "backup", "settings"] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

export function isAuditTarget(value: string): value is AuditTarget {
  return (AUDIT_TARGETS as readonly string[]).includes(value);
}

/** Keys whose values must never reach the log, whatever a caller passes (defence in depth). */
const SECRET_KEY = /password|passwd|hash|secret|token|session.?id|cookie|otp|recovery/i;
const MAX_TEXT = 300;
const MAX_ITEMS = 50;
const MAX_DEPTH = 4;

/**
 * A summary as it is stored: secret-looking keys dropped, long texts cut, long lists and deep
 * nesting trimmed — the log says what changed; it is not a second copy of the data.
 */
export function cleanAuditSummary(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return "…";
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => cleanAuditSummary(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
  }
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (SECRET_KEY.test(key) || item === undefined) continue;
      out[key] = cleanAuditSummary(item, depth + 1);
    }
    return out;
  }
  return null;
}
