import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { Invalid } from "@/lib/errors";
import { doc, engine, inRollback, newsroom } from "../testing";
import { articleRevisions, media, publications } from "../schema";
import { createArticle } from "./create";
import { publishArticle } from "./publish";
import { getArticleForEdit } from "./queries";
import { saveArticle } from "./save";

describe(`article metadata on ${engine}`, () => {
  const base = (sectionId: number) => ({
    headline: "Kämpferinnen am Hafen",
    standfirst: "Vorspann.",
    sectionId,
    language: "de" as const,
    body: doc("Text."),
  });

  it("saves slug, SEO fields, ordered bylines, lead image, tags and related links, and keeps them in the revision", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const a = await createArticle({ ctx: n.ctx(n.journalist), input: base(n.sections.politik.id) });
      const [image] = await tx
        .insert(media)
        .values({ storageKey: `t/${n.tag}`, filename: "hafen.jpg", mimeType: "image/jpeg", width: 1600, height: 900, bytes: 1000, variants: [{ width: 960, height: 540, format: "webp", key: `t/${n.tag}/960.webp`, bytes: 500 }] })
        .returning();
      const saved = await saveArticle({
        ctx: n.ctx(n.journalist),
        input: {
          ...base(n.sections.politik.id),
          id: a.id,
          version: a.version,
          slug: "kaempferinnen-hafen",
          seoTitle: "Kämpferinnen: der Hafen",
          seoDescription: "Kurz gesagt.",
          authorIds: [n.otherJournalist.id, n.journalist.id],
          leadImageId: image.id,
          leadCaption: "Am Kai",
          leadCredit: "Foto: Jana Kühn",
          leadAlt: "Zwei Frauen am Kai",
          tags: ["Hafen", "hafen", "Ökologie"],
          related: [{ url: "https://example.org/bericht", title: "Bericht" }],
        },
      });
      expect(saved.slug).toBe("kaempferinnen-hafen");
      const loaded = await getArticleForEdit(a.id, { tx });
      expect(loaded).toMatchObject({
        slug: "kaempferinnen-hafen",
        seoTitle: "Kämpferinnen: der Hafen",
        seoDescription: "Kurz gesagt.",
        tags: ["Hafen", "Ökologie"],
        related: [{ url: "https://example.org/bericht", title: "Bericht" }],
        lead: { mediaId: image.id, caption: "Am Kai", credit: "Foto: Jana Kühn", alt: "Zwei Frauen am Kai" },
      });
      expect(loaded?.authors.map((u) => u.id)).toEqual([n.otherJournalist.id, n.journalist.id]);
      const [revision] = await tx.select().from(articleRevisions).where(eq(articleRevisions.articleId, a.id)).orderBy(articleRevisions.id).offset(1);
      expect(revision.fields).toMatchObject({ slug: "kaempferinnen-hafen", authorIds: [n.otherJournalist.id, n.journalist.id], tags: ["Hafen", "Ökologie"] });

      // A hand-set slug stays when the headline changes later.
      const renamed = await saveArticle({ ctx: n.ctx(n.journalist), input: { ...base(n.sections.politik.id), headline: "Ganz neue Zeile", id: a.id, version: saved.version, leadImageId: null } });
      expect(renamed.slug).toBe("kaempferinnen-hafen");

      // Published: the reader snapshot carries the lead image with its srcset, and the SEO fields.
      const withImage = await saveArticle({
        ctx: n.ctx(n.editor),
        input: { ...base(n.sections.politik.id), id: a.id, version: renamed.version, leadImageId: image.id, leadCredit: "Foto: Jana Kühn", leadAlt: "Zwei Frauen am Kai", seoTitle: "SEO" },
      });
      await publishArticle({ ctx: n.ctx(n.editor), input: { id: a.id, version: withImage.version } });
      const [live] = await tx.select().from(publications).where(eq(publications.articleId, a.id));
      expect(live.seoTitle).toBe("SEO");
      expect(live.leadImage).toMatchObject({ src: `/media/t/${n.tag}/960.webp`, srcset: `/media/t/${n.tag}/960.webp 960w`, credit: "Foto: Jana Kühn", alt: "Zwei Frauen am Kai" });
    }));

  it("refuses a slug taken in the section, a badly formed slug, a photo without credit or alt, and unknown bylines", () =>
    inRollback(async (tx) => {
      const n = await newsroom(tx);
      const first = await createArticle({ ctx: n.ctx(n.journalist), input: base(n.sections.politik.id) });
      const second = await createArticle({ ctx: n.ctx(n.journalist), input: { ...base(n.sections.politik.id), headline: "Anderes Thema" } });
      const save = (input: Record<string, unknown>) =>
        saveArticle({ ctx: n.ctx(n.journalist), input: { ...base(n.sections.politik.id), id: second.id, version: second.version, ...input } }).catch((e) => e);
      const fields = async (input: Record<string, unknown>) => ((await save(input)) as Invalid).fieldErrors;

      expect(await fields({ slug: first.slug })).toEqual({ slug: ["validation.slugTaken"] });
      expect(await fields({ slug: "Groß und klein" })).toEqual({ slug: ["validation.slugInvalid"] });
      expect(await fields({ leadImageId: 424242 })).toMatchObject({ leadCredit: ["validation.creditRequired"], leadAlt: ["validation.altRequired"] });
      expect(await fields({ leadImageId: 424242, leadCredit: "dpa", leadAlt: "Bild" })).toEqual({ leadImageId: ["validation.mediaUnknown"] });
      expect(await fields({ authorIds: [] })).toEqual({ authorIds: ["validation.bylineRequired"] });
      expect(await fields({ authorIds: [n.journalist.id, n.journalist.id] })).toEqual({ authorIds: ["validation.bylineTwice"] });
      expect(await fields({ authorIds: [999999] })).toEqual({ authorIds: ["validation.bylineUnknown"] });
      expect(await fields({ related: [{ articleId: second.id, title: "Ich" }] })).toEqual({ related: ["validation.relatedSelf"] });
      // Nothing was written by any of them.
      expect((await getArticleForEdit(second.id, { tx }))?.version).toBe(second.version);
    }));
});
