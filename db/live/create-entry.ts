import "server-only";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseBody } from "@/lib/content/body";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { liveEntries } from "../schema";
import { audit } from "../audit/record";
import { announceLiveDeskChange } from "../articles/collab-events";
import { getOpenLiveBlogOrThrow } from "./load";
import { CreateLiveEntryInput } from "./schemas";

/**
 * A reporter starts an entry in a live blog: a draft of their own, seen only in the desk until
 * someone who may publish there publishes it. Several reporters each write their own at once.
 */
export async function createLiveEntry({ ctx, input }: VerbArgs<CreateLiveEntryInput>): Promise<{ id: number; version: number }> {
  assertCan(ctx.viewer, "live.write");
  const { articleId, title, body } = parseInput(CreateLiveEntryInput, input);
  const doc = parseBody(body); // same schema as article bodies: unknown nodes and unsafe links refused
  return withTransaction(ctx, async (tx) => {
    const blog = await getOpenLiveBlogOrThrow(tx, articleId);
    if (blog.liveState === "ended") throw new Invalid({ form: ["errors.liveEnded"] });
    const [row] = await tx
      .insert(liveEntries)
      .values({ articleId, title, body: doc.toJSON(), authorIds: [ctx.viewer!.id], createdById: ctx.viewer!.id })
      .returning({ id: liveEntries.id, version: liveEntries.version });
    await audit(tx, ctx, { action: "live_entry.create", target: "live_entry", id: row.id, summary: { articleId, title } });
    await announceLiveDeskChange(tx, articleId);
    return row;
  });
}
