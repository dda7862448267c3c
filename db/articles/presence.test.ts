import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "./create";
import { editorPresence } from "../schema";
import { doc, engine, inRollback, newsroom, testDb } from "../testing";
import { reportPresence } from "./presence";
import { listArticlesBeingEdited } from "./presence-queries";

beforeAll(() => testDb().then(() => undefined));

describe(`who is editing, across instances, on ${engine}`, () => {
  it("joins what every instance reports; each report replaces that instance's last one; a silent instance stops counting", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const draft = (headline: string) => createArticle({ ctx: n.ctx(n.journalist), input: { headline, sectionId: n.sections.politik.id, language: "de", body: doc("Text.") } });
      const hafen = await draft("Hafenstreik in Hamburg");
      const wahl = await draft("Wahl in Köln");

      // The journalist writes on instance A, the editor on B — in the same article.
      await reportPresence("A", [{ articleId: hafen.id, userId: n.journalist.id }], { tx });
      await reportPresence("B", [{ articleId: hafen.id, userId: n.editor.id }, { articleId: wahl.id, userId: n.editor.id }], { tx });
      const both = await listArticlesBeingEdited(20, { tx });
      expect(both.find((a) => a.articleId === hafen.id)).toEqual({
        articleId: hafen.id,
        headline: "Hafenstreik in Hamburg",
        people: [
          { id: n.editor.id, name: n.editor.name },
          { id: n.journalist.id, name: n.journalist.name },
        ].sort((x, y) => x.name.localeCompare(y.name)),
      });
      expect(both.find((a) => a.articleId === wahl.id)?.people).toEqual([{ id: n.editor.id, name: n.editor.name }]);

      // The editor leaves "Wahl" (B reports again): it is no longer being edited; A's row stays.
      await reportPresence("B", [{ articleId: hafen.id, userId: n.editor.id }], { tx });
      const after = await listArticlesBeingEdited(20, { tx });
      expect(after.map((a) => a.articleId)).toEqual([hafen.id]);
      expect(after[0].people).toHaveLength(2);

      // One person in two tabs on one instance is one name; an article deleted meanwhile is skipped.
      await reportPresence("A", [{ articleId: hafen.id, userId: n.journalist.id }, { articleId: hafen.id, userId: n.journalist.id }, { articleId: 2147483000, userId: n.journalist.id }], { tx });
      expect((await listArticlesBeingEdited(20, { tx }))[0].people).toHaveLength(2);

      // Instance B dies (kill -9: it never says goodbye): after half a minute its rows no longer count.
      await tx.update(editorPresence).set({ seenAt: sql`now() - interval '31 seconds'` }).where(eq(editorPresence.instance, "B"));
      expect((await listArticlesBeingEdited(20, { tx }))[0].people).toEqual([{ id: n.journalist.id, name: n.journalist.name }]);

      // Everyone leaves A: nothing is being edited.
      await reportPresence("A", [], { tx });
      expect(await listArticlesBeingEdited(20, { tx })).toEqual([]);
    }));
});
