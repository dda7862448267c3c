import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "@/lib/errors";
import type { Db } from "../client";
import { createArticle } from "../articles/create";
import { publishArticle } from "../articles/publish";
import { getArticleForEdit } from "../articles/queries";
import { saveArticle } from "../articles/save";
import { listLatest } from "../publications/queries";
import { searchPublications } from "../publications/search";
import { articleTags, publications, tagRedirects, tags } from "../schema";
import { doc, engine, inRollback, newsroom, testDb } from "../testing";
import { createTag } from "./create";
import { deleteTag } from "./delete";
import { mergeTags } from "./merge";
import { renameTag } from "./rename";
import { getTagBySlug, getTagRedirect, listTagsWithCounts } from "./queries";

type Newsroom = Awaited<ReturnType<typeof newsroom>>;

/** An editor writes and publishes an article with these tags (in this order). */
async function published(n: Newsroom, headline: string, tagNames: string[]) {
  const a = await createArticle({
    ctx: n.ctx(n.editor),
    input: { headline, standfirst: "Vorspann.", sectionId: n.sections.politik.id, language: "de", body: doc("Text über den Hafen."), tags: tagNames },
  });
  await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: a.version } });
  return a.id;
}

async function liveTags(tx: Db, articleId: number) {
  const [row] = await tx.select({ tags: publications.tags }).from(publications).where(eq(publications.articleId, articleId));
  return row.tags;
}

async function tagId(tx: Db, name: string) {
  const [row] = await tx.select({ id: tags.id }).from(tags).where(sql`lower(${tags.name}) = lower(${name})`);
  return row.id;
}

// Opening (and migrating) the in-memory database is the slow part: not inside the first test's time limit.
beforeAll(() => testDb().then(() => undefined));

describe(`tag management on ${engine}`, () => {
  it("creates a tag with a transliterated slug and refuses the same name in any case", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const tag = await createTag({ ctx: n.ctx(n.editor), input: { name: `  Öffentlicher   Nahverkehr ${n.tag} ` } });
      expect(tag).toMatchObject({ name: `Öffentlicher Nahverkehr ${n.tag}`, slug: `oeffentlicher-nahverkehr-${n.tag}` });
      const again = await createTag({ ctx: n.ctx(n.editor), input: { name: `öffentlicher nahverkehr ${n.tag}` } }).catch((e) => e);
      expect(again).toBeInstanceOf(Invalid);
      expect((again as Invalid).fieldErrors).toEqual({ name: ["validation.tagNameTaken"] });
      const empty = await createTag({ ctx: n.ctx(n.editor), input: { name: " !? " } }).catch((e) => e);
      expect((empty as Invalid).fieldErrors).toEqual({ name: ["validation.tagNameNoLetters"] });
      const blank = await createTag({ ctx: n.ctx(n.editor), input: { name: "   " } }).catch((e) => e);
      expect((blank as Invalid).fieldErrors).toEqual({ name: ["validation.tagNameRequired"] });
    }));

  it("renames: new slug, the old address redirects, the live article shows the new name at once and is found by it", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const articleId = await published(n, "Fähre fährt wieder", [`Hafen ${n.tag}`, `Werft ${n.tag}`]);
      const id = await tagId(tx, `Hafen ${n.tag}`);
      const renamed = await renameTag({ ctx: n.ctx(n.editor), input: { id, name: `Häfen ${n.tag}` } });
      expect(renamed.slug).toBe(`haefen-${n.tag}`);
      expect(await getTagBySlug(`hafen-${n.tag}`, { tx })).toBeNull();
      expect(await getTagRedirect(`hafen-${n.tag}`, { tx })).toBe(`haefen-${n.tag}`);
      expect(await liveTags(tx, articleId)).toEqual([
        { name: `Häfen ${n.tag}`, slug: `haefen-${n.tag}` },
        { name: `Werft ${n.tag}`, slug: `werft-${n.tag}` },
      ]);
      expect((await listLatest({ tagSlug: `haefen-${n.tag}` }, { tx })).map((t) => t.id)).toEqual([articleId]);
      expect(await listLatest({ tagSlug: `hafen-${n.tag}` }, { tx })).toEqual([]);
      // Tag names are part of the search document (weight B): the new name finds the article.
      const found = await searchPublications({ q: `Häfen ${n.tag}` }, { tx });
      expect(found.hits.map((h) => h.id)).toContain(articleId);
      // The working copy follows too (it refers to the tag by id).
      expect((await getArticleForEdit(articleId, { tx }))?.tags).toEqual([`Häfen ${n.tag}`, `Werft ${n.tag}`]);

      // Renamed back: the address is the tag's own again, and the newer one redirects.
      await renameTag({ ctx: n.ctx(n.editor), input: { id, name: `Hafen ${n.tag}` } });
      expect(await getTagRedirect(`hafen-${n.tag}`, { tx })).toBeNull();
      expect(await getTagRedirect(`haefen-${n.tag}`, { tx })).toBe(`hafen-${n.tag}`);
    }));

  it("a rename that keeps the slug (case only) just renames; a clash with another tag or an old address is refused", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createTag({ ctx: n.ctx(n.editor), input: { name: `klima ${n.tag}` } });
      const b = await createTag({ ctx: n.ctx(n.editor), input: { name: `Energie ${n.tag}` } });
      expect(await renameTag({ ctx: n.ctx(n.editor), input: { id: a.id, name: `Klima ${n.tag}` } })).toMatchObject({ slug: a.slug });
      expect(await tx.select().from(tagRedirects).where(eq(tagRedirects.tagId, a.id))).toEqual([]);
      const clash = await renameTag({ ctx: n.ctx(n.editor), input: { id: b.id, name: `KLIMA ${n.tag}` } }).catch((e) => e);
      expect((clash as Invalid).fieldErrors).toEqual({ name: ["validation.tagNameTaken"] });
      // "energie-…" now leads to Strom; a new tag may not take that address away.
      await renameTag({ ctx: n.ctx(n.editor), input: { id: b.id, name: `Strom ${n.tag}` } });
      const taken = await createTag({ ctx: n.ctx(n.editor), input: { name: `Energie ${n.tag}` } }).catch((e) => e);
      expect((taken as Invalid).fieldErrors).toEqual({ name: ["validation.tagNameRedirected"] });
      const unknown = await renameTag({ ctx: n.ctx(n.editor), input: { id: 2147483000, name: "x" } }).catch((e) => e);
      expect(unknown).toMatchObject({ code: "not_found", message: "errors.tagNotFound" });
    }));

  it("merges: articles move without duplicates, positions stay sensible, live tags follow, the source is gone", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [hafen, port, kai] = [`Hafen ${n.tag}`, `Port ${n.tag}`, `Kai ${n.tag}`];
      const both = await published(n, "Beide Schlagwörter", [port, kai, hafen]);
      const onlySource = await published(n, "Nur die Quelle", [kai, port]);
      const [sourceId, targetId] = [await tagId(tx, port), await tagId(tx, hafen)];

      const result = await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId, targetId } });
      expect(result).toMatchObject({ target: { id: targetId, name: hafen }, articles: 2 });
      expect(await tx.select().from(tags).where(eq(tags.id, sourceId))).toEqual([]);
      expect(await tx.select().from(articleTags).where(eq(articleTags.tagId, sourceId))).toEqual([]);
      // The article that had both keeps one, at the earlier place (Port was first).
      expect((await getArticleForEdit(both, { tx }))?.tags).toEqual([hafen, kai]);
      expect((await getArticleForEdit(onlySource, { tx }))?.tags).toEqual([kai, hafen]);
      expect((await liveTags(tx, both)).map((t) => t.name)).toEqual([hafen, kai]);
      expect((await liveTags(tx, onlySource)).map((t) => t.name)).toEqual([kai, hafen]);
      expect(new Set((await listLatest({ tagSlug: `hafen-${n.tag}` }, { tx })).map((t) => t.id))).toEqual(new Set([both, onlySource]));
      expect(await getTagRedirect(`port-${n.tag}`, { tx })).toBe(`hafen-${n.tag}`);
      // Typing the merged-away name in the editor means the surviving tag, not a new "Port".
      const draft = await getArticleForEdit(onlySource, { tx });
      await saveArticle({ ctx: n.ctx(n.editor), input: { id: onlySource, version: draft!.version, headline: draft!.headline, standfirst: draft!.standfirst, sectionId: draft!.sectionId, language: "de", body: draft!.body, tags: [port, hafen, kai] } });
      expect((await getArticleForEdit(onlySource, { tx }))?.tags).toEqual([hafen, kai]);
      expect(await getTagBySlug(`port-${n.tag}`, { tx })).toBeNull();
    }));

  it("keeps redirect chains one hop long: A into B, then B into C — A leads to C", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const [a, b, c] = [`Alpha ${n.tag}`, `Beta ${n.tag}`, `Gamma ${n.tag}`];
      const articleId = await published(n, "Kette", [a]);
      const bId = (await createTag({ ctx: n.ctx(n.editor), input: { name: b } })).id;
      const cId = (await createTag({ ctx: n.ctx(n.editor), input: { name: c } })).id;
      await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId: await tagId(tx, a), targetId: bId } });
      expect(await getTagRedirect(`alpha-${n.tag}`, { tx })).toBe(`beta-${n.tag}`);
      await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId: bId, targetId: cId } });
      expect(await getTagRedirect(`alpha-${n.tag}`, { tx })).toBe(`gamma-${n.tag}`);
      expect(await getTagRedirect(`beta-${n.tag}`, { tx })).toBe(`gamma-${n.tag}`);
      expect(await liveTags(tx, articleId)).toEqual([{ name: c, slug: `gamma-${n.tag}` }]);
    }));

  it("refuses to merge a tag into itself or into a tag that does not exist", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const t = await createTag({ ctx: n.ctx(n.editor), input: { name: `Selbst ${n.tag}` } });
      const self = await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId: t.id, targetId: t.id } }).catch((e) => e);
      expect((self as Invalid).fieldErrors).toEqual({ targetId: ["validation.mergeSameTag"] });
      const none = await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId: t.id, targetId: "" } }).catch((e) => e);
      expect((none as Invalid).fieldErrors).toEqual({ targetId: ["validation.mergeTargetRequired"] });
      const missing = await mergeTags({ ctx: n.ctx(n.editor), input: { sourceId: t.id, targetId: 2147483000 } }).catch((e) => e);
      expect(missing).toMatchObject({ code: "not_found" });
      expect(await getTagBySlug(t.slug, { tx })).not.toBeNull();
    }));

  it("deletes only unused tags — a draft's tag or a tag still shown on a live article is refused", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const unused = await createTag({ ctx: n.ctx(n.editor), input: { name: `Leer ${n.tag}` } });
      const articleId = await published(n, "Benutzt", [`Benutzt ${n.tag}`]);
      const usedId = await tagId(tx, `Benutzt ${n.tag}`);
      const refused = await deleteTag({ ctx: n.ctx(n.editor), input: { id: usedId } }).catch((e) => e);
      expect(refused).toBeInstanceOf(Invalid);
      expect(refused).toMatchObject({ message: "errors.tagInUse", params: { count: 1 } });
      // Removed from the working copy but not yet republished: the live article still shows it.
      const draft = await getArticleForEdit(articleId, { tx });
      await saveArticle({ ctx: n.ctx(n.editor), input: { id: articleId, version: draft!.version, headline: draft!.headline, standfirst: "", sectionId: draft!.sectionId, language: "de", body: draft!.body, tags: [] } });
      const stillLive = await deleteTag({ ctx: n.ctx(n.editor), input: { id: usedId } }).catch((e) => e);
      expect(stillLive).toMatchObject({ message: "errors.tagInUse" });
      const list = await listTagsWithCounts({ q: n.tag }, { tx });
      expect(list.items.map((t) => [t.name, t.articles])).toEqual([
        [`Benutzt ${n.tag}`, 1],
        [`Leer ${n.tag}`, 0],
      ]);

      await deleteTag({ ctx: n.ctx(n.editor), input: { id: unused.id } });
      expect(await getTagBySlug(unused.slug, { tx })).toBeNull();
    }));

  it("refuses a journalist every change, and writes nothing", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const articleId = await published(n, "Nur lesen", [`Eins ${n.tag}`, `Zwei ${n.tag}`]);
      const [one, two] = [await tagId(tx, `Eins ${n.tag}`), await tagId(tx, `Zwei ${n.tag}`)];
      const before = { tags: await tx.select().from(tags), redirects: await tx.select().from(tagRedirects), live: await liveTags(tx, articleId) };
      const j = n.ctx(n.journalist);
      for (const attempt of [
        () => createTag({ ctx: j, input: { name: `Neu ${n.tag}` } }),
        () => renameTag({ ctx: j, input: { id: one, name: `Umbenannt ${n.tag}` } }),
        () => mergeTags({ ctx: j, input: { sourceId: one, targetId: two } }),
        () => deleteTag({ ctx: j, input: { id: one } }),
        () => createTag({ ctx: n.ctx(null), input: { name: `Anonym ${n.tag}` } }),
      ]) {
        // One at a time: they share the test's transaction.
        await expect(attempt()).rejects.toBeInstanceOf(Forbidden);
      }
      expect(await tx.select().from(tags)).toEqual(before.tags);
      expect(await tx.select().from(tagRedirects)).toEqual(before.redirects);
      expect(await liveTags(tx, articleId)).toEqual(before.live);
    }));

  it("lists tags by name with search and pages", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      for (let i = 0; i < 55; i++) await createTag({ ctx: n.ctx(n.editor), input: { name: `Seite ${n.tag} ${String(i).padStart(2, "0")}` } });
      const first = await listTagsWithCounts({ q: `seite ${n.tag}` }, { tx });
      expect(first).toMatchObject({ total: 55, pages: 2, page: 1 });
      expect(first.items).toHaveLength(50);
      expect(first.items[0].name).toBe(`Seite ${n.tag} 00`);
      const second = await listTagsWithCounts({ q: `seite ${n.tag}`, page: "9" as unknown as number }, { tx });
      expect(second.page).toBe(2);
      expect(second.items.map((t) => t.name)).toEqual([50, 51, 52, 53, 54].map((i) => `Seite ${n.tag} ${i}`));
      expect((await listTagsWithCounts({ q: "50%" }, { tx })).total).toBe(0);
    }));
});
