import "server-only";
import { Invalid } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { announceReaderChange } from "../reader-cache";
import { readerTags } from "@/lib/cache/tags";
import { audit } from "../audit/record";
import { ReorderSectionsInput, type SectionRow, lockedOrder, writeOrder } from "./shared";

/** The whole order at once; `ids` must name every section exactly once. */
export async function reorderSections({ ctx, input }: VerbArgs<ReorderSectionsInput>): Promise<SectionRow[]> {
  const { ids } = parseInput(ReorderSectionsInput, input);
  return withTransaction(ctx, async (tx) => {
    await announceReaderChange(tx, [readerTags.all]); // every page shows the sections
    assertCan(ctx.viewer, "taxonomy.manage");
    const current = await lockedOrder(tx);
    const byId = new Map(current.map((s) => [s.id, s]));
    if (ids.length !== current.length || new Set(ids).size !== ids.length || ids.some((i) => !byId.has(i))) {
      // Someone added or removed a section since the list was loaded.
      throw new Invalid({ ids: ["validation.sectionsChanged"] });
    }
    const ordered = ids.map((i) => byId.get(i)!);
    await writeOrder(tx, ordered);
    await audit(tx, ctx, { action: "section.reorder", target: "section", summary: { before: current.map((s) => s.id), after: ids } });
    return ordered.map((s, position) => ({ ...s, position }));
  });
}
