// schema.org NewsArticle for search engines and news aggregators.
type ArticleFacts = {
  url: string;
  origin: string;
  headline: string;
  standfirst: string;
  language: "de" | "en";
  sectionName: string;
  publishedAt: string;
  updatedAt: string;
  bylines: { name: string; slug: string }[];
  tags: { name: string }[];
  leadImage?: { src: string; width: number; height: number } | null;
};

export function newsArticleJsonLd(a: ArticleFacts) {
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": a.url },
    url: a.url,
    headline: a.headline.slice(0, 110),
    description: a.standfirst || undefined,
    image: a.leadImage
      ? [{ "@type": "ImageObject", url: `${a.origin}${a.leadImage.src}`, width: a.leadImage.width, height: a.leadImage.height }]
      : undefined,
    datePublished: a.publishedAt,
    dateModified: a.updatedAt,
    inLanguage: a.language,
    articleSection: a.sectionName,
    keywords: a.tags.map((t) => t.name).join(", ") || undefined,
    author: a.bylines.map((b) => ({ "@type": "Person", name: b.name, url: `${a.origin}/authors/${b.slug}` })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: "Copydesk",
      url: `${a.origin}/`,
      logo: { "@type": "ImageObject", url: `${a.origin}/icon.svg` },
    },
  };
}

/** JSON for a <script> element: "<" is escaped so no text can close the element early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export type LiveFacts = {
  startedAt: string | null;
  endedAt: string | null;
  /** The entries on this page, newest first: title (may be empty), text, time, permalink id. */
  entries: { id: number; title: string; text: string; publishedAt: string; editedAt: string | null }[];
};

/**
 * schema.org LiveBlogPosting (what Google shows as a "LIVE" badge): the NewsArticle facts plus
 * the coverage window and the entries as BlogPostings with their permalinks. `coverageEndTime`
 * only once the blog has ended.
 */
export function liveBlogJsonLd(a: ArticleFacts, live: LiveFacts) {
  const { "@type": _type, ...article } = newsArticleJsonLd(a);
  void _type;
  return {
    ...article,
    "@type": "LiveBlogPosting",
    coverageStartTime: live.startedAt ?? a.publishedAt,
    coverageEndTime: live.endedAt ?? undefined,
    liveBlogUpdate: live.entries.map((e) => ({
      "@type": "BlogPosting",
      headline: (e.title || e.text).slice(0, 110),
      articleBody: e.text,
      datePublished: e.publishedAt,
      dateModified: e.editedAt ?? e.publishedAt,
      url: `${a.url}#entry-${e.id}`,
    })),
  };
}
