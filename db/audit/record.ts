import "server-only";
import { cleanAuditSummary, type AuditAction, type AuditTarget } from "@/lib/audit";
import type { Db } from "../client";
import type { Ctx } from "../context";
import { auditEvents } from "../schema";

export type AuditEntry = {
  action: AuditAction;
  target: AuditTarget;
  /** The target's id (an article id, a front's path, an email typed at sign-in…), when it has one. */
  id?: number | string | null;
  /** What changed (before/after, names, counts). Never a secret: `cleanAuditSummary` drops those keys anyway. */
  summary?: Record<string, unknown>;
};

/**
 * Writes one audit row in `tx`, the transaction of the change it records: the row commits with
 * the change or not at all. The actor is the viewer (null for the system and for anonymous
 * readers); the address is the one the signed-in request came from, when known (app/auth.ts).
 */
export async function audit(tx: Db, ctx: Pick<Ctx, "viewer"> & { address?: string | null }, entry: AuditEntry): Promise<void> {
  const viewer = ctx.viewer;
  await tx.insert(auditEvents).values({
    actorId: viewer && viewer.id > 0 ? viewer.id : null,
    action: entry.action,
    targetType: entry.target,
    targetId: entry.id === undefined || entry.id === null ? null : String(entry.id).slice(0, 200),
    summary: (cleanAuditSummary(entry.summary ?? {}) ?? {}) as Record<string, unknown>,
    address: (ctx.address ?? viewer?.address ?? null)?.slice(0, 64) ?? null,
  });
}
