// A publication as readers see it: plain data the data layer (db/publications/queries.ts)
// returns and components render. The `Published*` shapes are also what the publications table
// stores in its jsonb columns (db/schema).

export type PublishedByline = { name: string; slug: string };
export type PublishedTag = { name: string; slug: string };
export type PublishedRelated = { title: string; href: string; external: boolean };
export type PublishedCorrection = { kind: "correction" | "update"; text: string; at: string };
export type PublishedImage = { src: string; srcset: string; width: number; height: number; alt: string; caption: string; credit: string };

/** One article in a list of publications (lists, fronts, placements). */
export type ArticleTeaser = {
  id: number;
  href: string;
  sectionSlug: string;
  sectionName: string;
  headline: string;
  standfirst: string;
  language: "de" | "en";
  bylines: PublishedByline[];
  publishedAt: string;
  /** The lead image (its variants' srcset), for teasers that show a picture. */
  leadImage: PublishedImage | null;
};

/** A publication as the reader's page shows it: without the plain text, which only search and diffs read. */
export type ReaderArticle = {
  articleId: number;
  sectionSlug: string;
  sectionName: string;
  slug: string;
  language: "de" | "en";
  headline: string;
  standfirst: string;
  seoTitle: string;
  seoDescription: string;
  leadImage: PublishedImage | null;
  /** Public correction and update notes, oldest first. */
  corrections: PublishedCorrection[];
  bodyHtml: string;
  bylines: PublishedByline[];
  tags: PublishedTag[];
  related: PublishedRelated[];
  publishedAt: string;
  updatedAt: string;
  /** The working-copy version this snapshot was rendered from. */
  version: number;
};
