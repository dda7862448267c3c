import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { getVisibleArticle, listLatest } from "../publications/queries";
import { sections } from "../schema";
import { doc, engine, inRollback, newsroom, testDb } from "../testing";
import { createSection } from "./create";
import { moveSection } from "./move";
import { renameSection } from "./rename";
import { reorderSections } from "./reorder";
import { listSections } from "./queries";

// Opening (and migrating) the in-memory database is the slow part: not inside the first test's time limit.
beforeAll(() => testDb().then(() => undefined));

describe(`section management on ${engine}`, () => {
  it("renames: the name readers see changes at once, the address stays", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({
        ctx: n.ctx(n.editor),
        input: { headline: "Rat tagt", sectionId: n.sections.politik.id, language: "de", body: doc("Text.") },
      });
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
      const slug = n.sections.politik.slug;

      const renamed = await renameSection({ ctx: n.ctx(n.editor), input: { id: n.sections.politik.id, name: `Politik & Gesellschaft ${n.tag}` } });
      expect(renamed).toMatchObject({ name: `Politik & Gesellschaft ${n.tag}`, slug });
      const live = await getVisibleArticle(slug, a.slug, { tx });
      expect(live?.sectionName).toBe(`Politik & Gesellschaft ${n.tag}`);
      expect((await listLatest({ sectionSlug: slug }, { tx })).map((t) => t.sectionName)).toEqual([`Politik & Gesellschaft ${n.tag}`]);
    }));

  it("refuses a name another section has (in any case or spelling of the same address), or one without letters", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const e = n.ctx(n.editor);
      const taken = await renameSection({ ctx: e, input: { id: n.sections.kultur.id, name: `POLITIK ${n.tag}` } }).catch((x) => x);
      expect((taken as Invalid).fieldErrors).toEqual({ name: ["validation.sectionNameTaken"] });
      const sameAddress = await renameSection({ ctx: e, input: { id: n.sections.kultur.id, name: `Politik – ${n.tag}!` } }).catch((x) => x);
      expect((sameAddress as Invalid).fieldErrors).toEqual({ name: ["validation.sectionNameTaken"] });
      const blank = await renameSection({ ctx: e, input: { id: n.sections.kultur.id, name: " " } }).catch((x) => x);
      expect((blank as Invalid).fieldErrors).toEqual({ name: ["validation.sectionNameRequired"] });
      const noLetters = await renameSection({ ctx: e, input: { id: n.sections.kultur.id, name: "–" } }).catch((x) => x);
      expect((noLetters as Invalid).fieldErrors).toEqual({ name: ["validation.sectionNameNoLetters"] });
      // Its own name in another case is fine.
      expect(await renameSection({ ctx: e, input: { id: n.sections.kultur.id, name: `KULTUR ${n.tag}` } })).toMatchObject({ name: `KULTUR ${n.tag}` });
    }));

  it("new sections go last; up and down reorder the reader navigation; the ends stay put", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const e = n.ctx(n.editor);
      const wissen = await createSection({ ctx: e, input: { name: `Wissen ${n.tag}` } });
      const names = async () => (await listSections({ tx })).map((s) => s.name.replace(` ${n.tag}`, ""));
      expect(await names()).toEqual(["Politik", "Kultur", "Wissen"]);

      await moveSection({ ctx: e, input: { id: wissen.id, direction: "up" } });
      expect(await names()).toEqual(["Politik", "Wissen", "Kultur"]);
      await moveSection({ ctx: e, input: { id: wissen.id, direction: "up" } });
      await moveSection({ ctx: e, input: { id: wissen.id, direction: "up" } }); // already first
      expect(await names()).toEqual(["Wissen", "Politik", "Kultur"]);
      await moveSection({ ctx: e, input: { id: n.sections.politik.id, direction: "down" } });
      expect(await names()).toEqual(["Wissen", "Kultur", "Politik"]);
      expect((await listSections({ tx })).map((s) => s.position)).toEqual([0, 1, 2]);

      await reorderSections({ ctx: e, input: { ids: [n.sections.politik.id, n.sections.kultur.id, wissen.id] } });
      expect(await names()).toEqual(["Politik", "Kultur", "Wissen"]);
      const stale = await reorderSections({ ctx: e, input: { ids: [n.sections.politik.id, n.sections.kultur.id] } }).catch((x) => x);
      expect((stale as Invalid).fieldErrors).toEqual({ ids: ["validation.sectionsChanged"] });
      const unknown = await moveSection({ ctx: e, input: { id: 2147483000, direction: "up" } }).catch((x) => x);
      expect(unknown).toMatchObject({ code: "not_found", message: "errors.sectionNotFound" });
      const badDirection = await moveSection({ ctx: e, input: { id: wissen.id, direction: "sideways" as "up" } }).catch((x) => x);
      expect((badDirection as Invalid).fieldErrors).toEqual({ direction: ["validation.invalidValue"] });
    }));

  it("refuses a journalist every change, and writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const before = await tx.select().from(sections).orderBy(sections.id);
      const j = n.ctx(n.journalist);
      for (const attempt of [
        () => renameSection({ ctx: j, input: { id: n.sections.politik.id, name: "Umbenannt" } }),
        () => moveSection({ ctx: j, input: { id: n.sections.kultur.id, direction: "up" } }),
        () => reorderSections({ ctx: j, input: { ids: [n.sections.kultur.id, n.sections.politik.id] } }),
        () => createSection({ ctx: j, input: { name: `Neu ${n.tag}` } }),
      ]) {
        // One at a time: they share the test's transaction.
        await expect(attempt()).rejects.toBeInstanceOf(Forbidden);
      }
      expect(await tx.select().from(sections).orderBy(sections.id)).toEqual(before);
      expect(await tx.select().from(sections).where(eq(sections.name, "Umbenannt"))).toEqual([]);
    }));
});
