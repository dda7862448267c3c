import "server-only";
// Tells the collaboration server what happened to articles and people outside it, so that open
// documents and connections follow within a second:
//  - `working-copy`: the JSON working copy was written (by the collaboration server itself —
//    `source: "collab"` — or by anything else: restore, import, the old save form);
//  - `access`: who may edit an article changed (a workflow step), or a person's rights did
//    (deactivation, role change, signed out everywhere);
//  - `live`: a live blog's entries, state or publishers changed (the desk's live panel of
//    everyone in the article follows at once: a colleague's draft, publish or pin).
// In this process the event is delivered once the transaction commits; on PostgreSQL a NOTIFY
// (sent at commit) reaches every other instance too.
import { sql } from "drizzle-orm";
import { databaseUrl, type Db } from "../client";
import { onCommit } from "../context";
import { processOrigin } from "../process-origin";

export const COLLAB_CHANNEL = "copydesk_collab";

export type CollabEvent =
  | { kind: "working-copy"; articleId: number; version: number; source: "collab" | "external"; origin?: string }
  | { kind: "access"; articleId?: number; userId?: number; everyone?: boolean; byline?: boolean; origin?: string }
  | { kind: "live"; articleId: number; origin?: string };

type Listener = (event: CollabEvent) => void;
const LISTENERS = Symbol.for("copydesk.collabEvents");

/** Listeners in this process (one Set shared by Next's bundles and the collaboration server). */
function listeners(): Set<Listener> {
  const g = globalThis as unknown as Record<symbol, Set<Listener> | undefined>;
  return (g[LISTENERS] ??= new Set());
}

/** This process's mark on its NOTIFYs, so that it does not handle its own events twice. */
export const PROCESS_ORIGIN = processOrigin();

export function onCollabEvent(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Delivers an event to this process's listeners (also used for NOTIFYs from other instances). */
export function deliverCollabEvent(event: CollabEvent): void {
  for (const listener of listeners()) {
    try {
      listener(event);
    } catch (error) {
      console.error("[collab] event listener failed:", error);
    }
  }
}

async function announce(tx: Db, event: CollabEvent): Promise<void> {
  onCommit(tx, () => deliverCollabEvent(event));
  // The embedded database has one process to tell. (Decided from the configuration, not by opening
  // the database: a verb running on a caller's transaction must not open the default one.)
  if (!databaseUrl()) return;
  await tx.execute(sql`select pg_notify(${COLLAB_CHANNEL}, ${JSON.stringify({ ...event, origin: PROCESS_ORIGIN })})`);
}

export function announceCollabChange(tx: Db, change: { articleId: number; version: number; source: "collab" | "external" }) {
  return announce(tx, { kind: "working-copy", ...change });
}

/**
 * Open co-editing connections of an article, of a person, or (a newsroom-wide setting) everyone's
 * are decided again. An article's: after a workflow step, which everyone in it is also told (their
 * pages follow); `byline: true` after its byline changed, which only decides again.
 */
export function announceAccessChange(tx: Db, who: { articleId: number; byline?: boolean } | { userId: number } | { everyone: true }) {
  return announce(tx, { kind: "access", ...who });
}

/** Everyone with the article open in the desk hears that its live blog changed (after the commit). */
export function announceLiveDeskChange(tx: Db, articleId: number) {
  return announce(tx, { kind: "live", articleId });
}
