import "server-only";
import { eq, sql } from "drizzle-orm";
import { Forbidden, Invalid } from "@/lib/errors";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { media, users } from "../schema";
import { UpdateOwnProfileInput } from "./schemas";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";

/**
 * A person edits what their author page shows: name, biography and photo (a media-library
 * image). The slug stays as it is, so links to the author page keep working after a rename.
 */
export async function updateOwnProfile({ ctx, input }: VerbArgs<UpdateOwnProfileInput>) {
  const data = parseInput(UpdateOwnProfileInput, input);
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // author pages and bylines
    if (data.avatarMediaId !== null) {
      const [image] = await tx.select({ id: media.id }).from(media).where(eq(media.id, data.avatarMediaId)).limit(1);
      if (!image) throw new Invalid({ avatarMediaId: ["validation.mediaUnknown"] });
    }
    const [row] = await tx
      .update(users)
      .set({ name: data.name, bio: data.bio, avatarMediaId: data.avatarMediaId, updatedAt: sql`now()` })
      .where(eq(users.id, viewer.id))
      .returning({ id: users.id, name: users.name, bio: users.bio, avatarMediaId: users.avatarMediaId, slug: users.slug });
    if (!row) throw new Forbidden("errors.signInFirst");
    await audit(tx, ctx, { action: "user.profile", target: "user", id: viewer.id, summary: { name: data.name, bioLength: data.bio.length, avatarMediaId: data.avatarMediaId } });
    return row;
  });
}
