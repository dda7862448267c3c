import "server-only";
import { desc, eq } from "drizzle-orm";
import { describeBrowser, type SessionSummary } from "@/lib/session-policy";
import { executor, type Ctx } from "../context";
import { userSessions } from "../schema";

/** A person's sessions, most recently used first; `currentId` marks the one asking. */
export async function listSessions(userId: number, currentId?: string, ctx?: Pick<Ctx, "tx">): Promise<SessionSummary[]> {
  const db = await executor(ctx);
  const rows = await db.select().from(userSessions).where(eq(userSessions.userId, userId)).orderBy(desc(userSessions.lastSeenAt)).limit(100);
  return rows.map((r) => ({
    id: r.id,
    browser: describeBrowser(r.userAgent),
    address: r.address,
    createdAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    current: r.id === currentId,
  }));
}
