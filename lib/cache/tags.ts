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
  /** Search results: any change to any publication may change them. */
  search: "r:search",
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
