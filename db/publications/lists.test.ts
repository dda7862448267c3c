import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { saveArticle } from "../articles/save";
import { SYSTEM_VIEWER } from "../context";
import { createSection } from "../sections/create";
import { doc, engine, inRollback, newsroom } from "../testing";
import { getAuthorBySlug } from "../users/queries";
import { listLatest } from "./queries";

describe(`reader lists on ${engine}`, () => {
  it("lists an author's and a tag's visible articles", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const ids: number[] = [];
      for (const [headline, tags] of [["Erster Text", ["Verkehr"]], ["Zweiter Text", ["Verkehr", "Kultur"]], ["Dritter Text", []]] as const) {
        const a = await createArticle({ ctx: n.ctx(n.journalist), input: { headline, standfirst: "", sectionId: n.sections.kultur.id, language: "de", body: doc("Text.") } });
        const s = await saveArticle({ ctx: n.ctx(n.editor), input: { headline, standfirst: "", sectionId: n.sections.kultur.id, language: "de", body: doc("Text."), id: a.id, version: a.version, tags: [...tags] } });
        await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: s.version } });
        ids.push(a.id);
      }
      const author = await getAuthorBySlug(n.journalist.name.toLowerCase().replace(/ä/g, "ae").replace(/[^a-z0-9]+/g, "-"), { tx });
      expect(author?.name).toBe(n.journalist.name);
      const byAuthor = await listLatest({ authorSlug: author!.slug }, { tx });
      expect(byAuthor.map((a) => a.id).sort()).toEqual([...ids].sort());
      const byTag = await listLatest({ tagSlug: "verkehr" }, { tx });
      expect(byTag.map((a) => a.id).sort()).toEqual([ids[0], ids[1]].sort());
      expect(await listLatest({ authorSlug: "niemand" }, { tx })).toEqual([]);
    }));

  it("keeps section names off addresses other pages use", () =>
    inRollback(async (tx) => {
      for (const name of ["Search", "Authors", "Tags", "Desk"]) {
        const error = await createSection({ ctx: { viewer: SYSTEM_VIEWER, tx }, input: { name } }).catch((e) => e);
        expect(error).toBeInstanceOf(Invalid);
        expect((error as Invalid).fieldErrors.name).toEqual(["validation.sectionNameReserved"]);
      }
    }));
});
