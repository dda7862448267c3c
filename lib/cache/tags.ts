// The names reader pages are cached under, and which of them a change to a publication touches.
// Pure: used by the data layer (to announce a change) and by the cached loaders (to tag).

export const readerTags = {
  /** Everything readers see: taxonomy and people changes reach every page through it. */
  all: "r:all",
  sections: "r:sections",
  /** An article's own page: its publication, and its comments (moderation expires it too). */
  article: (sectionSlug: string, slug: string) => `r:article:${sectionSlug}/${slug}`,
  home: "r:list:home",
  section: (slug: string) => `r:list:section:${slug}`,
  tag: (slug: string) => `r:list:tag:${slug}`,
  author: (slug: string) => `r:list:author:${slug}`,
  /** A page of the site's own (imprint, privacy), and the footer that links it. */
  sitePage: (slug: string) => `r:page:${slug}`,
  /** A live blog's entry feed (its page goes by `article`). */
  live: (articleId: number) => `r:live:${articleId}`,
  /** Search results: any change to any publication may change them. */
  search: "r:search",
  /** One upload's public renditions (/media/<yyyy>/<mm>/<uuid>/…): purged when it is deleted. */
  media: (uploadId: string) => `r:media:${uploadId}`,
} as const;

export type PublicationKeys = {
  sectionSlug: string;
  slug: string;
  tags: { slug: string }[];
  bylines: { slug: string }[];
};

/** Every page that shows this publication: its own and each list it appears in. */
export function publicationTags(p: PublicationKeys): string[] {
  return [
    readerTags.article(p.sectionSlug, p.slug),
    readerTags.home,
    readerTags.search,
    readerTags.section(p.sectionSlug),
    ...p.tags.map((t) => readerTags.tag(t.slug)),
    ...p.bylines.map((b) => readerTags.author(b.slug)),
  ];
}

/** The page a front's arrangement appears on: the home page's list or a section's. */
export function frontTag(front: string): string {
  return front === "/" ? readerTags.home : readerTags.section(front.slice(1));
}
