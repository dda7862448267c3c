import "server-only";
import { NotFound } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";
import { MoveSectionInput, type SectionRow, lockedOrder, writeOrder } from "./shared";

/** One place up or down in the reader navigation; at either end nothing changes. */
export async function moveSection({ ctx, input }: VerbArgs<MoveSectionInput>): Promise<SectionRow[]> {
  const { id: sectionId, direction } = parseInput(MoveSectionInput, input);
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
    assertCan(ctx.viewer, "taxonomy.manage");
    const ordered = await lockedOrder(tx);
    const from = ordered.findIndex((s) => s.id === sectionId);
    if (from < 0) throw new NotFound("errors.sectionNotFound");
    const to = direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < ordered.length) [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    await writeOrder(tx, ordered);
    await audit(tx, ctx, { action: "section.move", target: "section", id: sectionId, summary: { direction, from, to: ordered.findIndex((s) => s.id === sectionId) } });
    return ordered.map((s, position) => ({ ...s, position }));
  });
}
