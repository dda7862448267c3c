import "server-only";
// An editor puts a live article into a slot of a front page. Readers see it with the next
// request: the front's cached pages are expired when the transaction commits.
import { and, eq, ne } from "drizzle-orm";
import { frontTag } from "@/lib/cache/tags";
import { Invalid } from "@/lib/errors";
import { parseArticleReference, slotSection } from "@/lib/front";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceReaderChange } from "../reader-cache";
import { frontSlots } from "../schema";
import { lockFront } from "./lock";
import { findPlaceable } from "./queries";
import { recordFrontChange } from "./record";
import { PlaceArticleInput } from "./schemas";
import { audit } from "../audit/record";

export async function placeArticle({ ctx, input }: VerbArgs<PlaceArticleInput>) {
  const data = parseInput(PlaceArticleInput, input);
  const ref = typeof data.article === "number" ? { id: data.article } : parseArticleReference(data.article);
  if (!ref) throw new Invalid({ article: ["validation.frontArticleUnknown"] });
  return withTransaction(ctx, async (tx) => {
    assertCan(ctx.viewer, "front.arrange");
    const slots = await lockFront(tx, data.front);
    const slot = slots.find((s) => s.slot === data.slot);
    if (!slot) throw new Invalid({ slot: ["validation.invalidValue"] });
    // Only what readers can see now: not a draft, not a scheduled or unpublished article.
    const article = await findPlaceable(ref, { tx });
    if (!article) throw new Invalid({ article: ["validation.frontArticleNotLive"] });
    const section = slotSection(data.front, slot);
    if (section && article.sectionSlug !== section) throw new Invalid({ article: ["validation.frontArticleWrongSection"] });

    const [previous] = await tx
      .select({ articleId: frontSlots.articleId })
      .from(frontSlots)
      .where(and(eq(frontSlots.front, data.front), eq(frontSlots.slot, data.slot)));
    await audit(tx, ctx, { action: "front.place", target: "front", id: data.front, summary: { slot: data.slot, articleId: article.id, replaced: previous?.articleId ?? null } });
    if (previous?.articleId === article.id) return { front: data.front, slot: data.slot, articleId: article.id };
    // One article, one place per front: placing it again moves it.
    const moved = await tx
      .delete(frontSlots)
      .where(and(eq(frontSlots.front, data.front), eq(frontSlots.articleId, article.id), ne(frontSlots.slot, data.slot)))
      .returning({ slot: frontSlots.slot });
    for (const m of moved) await recordFrontChange(tx, ctx, { articleId: article.id, action: "front.remove", front: data.front, slot: m.slot });
    if (previous) await recordFrontChange(tx, ctx, { articleId: previous.articleId, action: "front.remove", front: data.front, slot: data.slot });
    const placedById = ctx.viewer && ctx.viewer.id > 0 ? ctx.viewer.id : null;
    await tx
      .insert(frontSlots)
      .values({ front: data.front, slot: data.slot, articleId: article.id, placedById })
      .onConflictDoUpdate({ target: [frontSlots.front, frontSlots.slot], set: { articleId: article.id, placedById, placedAt: new Date() } });
    await recordFrontChange(tx, ctx, { articleId: article.id, action: "front.place", front: data.front, slot: data.slot });
    await announceReaderChange(tx, [frontTag(data.front)]);
    return { front: data.front, slot: data.slot, articleId: article.id };
  });
}
