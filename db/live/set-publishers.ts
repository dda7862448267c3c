import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { livePublishers, users } from "../schema";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getOpenLiveBlogOrThrow } from "./load";
import { SetLivePublishersInput } from "./schemas";

/**
 * An editor names the journalists who may publish entries in this one live blog directly
 * (editors always may). The list replaces the previous one.
 */
export async function setLivePublishers({ ctx, input }: VerbArgs<SetLivePublishersInput>): Promise<{ articleId: number; userIds: number[] }> {
  assertCan(ctx.viewer, "live.manage");
  const { articleId, userIds } = parseInput(SetLivePublishersInput, input);
  return withTransaction(ctx, async (tx) => {
    const blog = await getOpenLiveBlogOrThrow(tx, articleId);
    if (userIds.length) {
      const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, userIds), eq(users.active, true)));
      if (found.length !== userIds.length) throw new Invalid({ userIds: ["errors.livePublisherUnknown"] });
    }
    await tx.delete(livePublishers).where(eq(livePublishers.articleId, articleId));
    if (userIds.length) await tx.insert(livePublishers).values(userIds.map((userId) => ({ articleId, userId })));
    await audit(tx, ctx, { action: "live.publishers", target: "article", id: articleId, summary: { from: blog.publisherIds, to: userIds } });
    await announceLiveDeskChange(tx, articleId);
    return { articleId, userIds };
  });
}
