import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { executor, type Ctx } from "../context";
import { articles, notifications, users } from "../schema";

export type DeskNotification = {
  id: number;
  kind: string;
  note: string;
  articleId: number | null;
  headline: string | null;
  actor: string | null;
  at: string;
  read: boolean;
};

export async function countUnread(userId: number, ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** A person's notifications, newest first. */
export async function listNotifications(userId: number, ctx?: Pick<Ctx, "tx">): Promise<DeskNotification[]> {
  const db = await executor(ctx);
  const rows = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      note: notifications.note,
      articleId: notifications.articleId,
      headline: articles.headline,
      actor: users.name,
      at: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(articles, eq(articles.id, notifications.articleId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(100);
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), read: r.readAt !== null }));
}
