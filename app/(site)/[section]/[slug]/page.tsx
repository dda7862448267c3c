import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { siteOrigin } from "@/lib/site-url";
import { renditionFromSrcset } from "@/lib/media/urls";
import { liveBlogJsonLd, newsArticleJsonLd, scriptJson } from "@/lib/structured-data";
import { cachedArticlePage, cachedLivePage } from "@/db/reader-queries";
import { LiveBlog } from "@/components/article/LiveBlog";
import { findSlugRedirect } from "@/db/publications/redirects";
import { ArticleView } from "@/components/article/ArticleView";
import { ArticleComments } from "@/components/article/ArticleComments";

type Props = { params: Promise<{ section: string; slug: string }> };

// Rendered on a reader's first visit, then served from the page cache until a publish,
// update, unpublish, schedule or moderation expires it (lib/cache). Nothing here may read the
// request (headers, cookies, query): that would make every visit a new render.
// A minute (VIEW_COUNT_SECONDS): the page's s-maxage, so the front cache and any edge ask again
// after it and the view count is at most a couple of minutes old (with 3600 it stayed for an hour).
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = (await cachedArticlePage(section, slug))?.article;
  if (!article) return {};
  const origin = siteOrigin();
  const url = `${origin}/${article.sectionSlug}/${article.slug}`;
  const title = article.seoTitle || article.headline;
  const description = article.seoDescription || article.standfirst || undefined;
  // Open Graph and Discover want a picture about 1200 pixels wide: that rendition of the lead image.
  const og = article.leadImage ? renditionFromSrcset(article.leadImage.srcset, 1200) : null;
  // A live blog also offers its own feed of entries (the same read as the page's: React's cache()).
  const live = await cachedLivePage(article.sectionSlug, article.slug, article.articleId, 1);
  const liveFeed = live ? { url: `/feeds/live/${article.articleId}/rss.xml`, title: article.headline } : null;
  const images =
    article.leadImage && og
      ? [{ url: `${origin}${og.url}`, width: og.width, height: Math.round((article.leadImage.height * og.width) / article.leadImage.width), alt: article.leadImage.alt }]
      : undefined;
  return {
    title,
    description,
    openGraph: {
      type: "article",
      url,
      title,
      description,
      images,
      siteName: "Copydesk",
      locale: article.language === "de" ? "de_DE" : "en_GB",
      publishedTime: article.publishedAt,
      modifiedTime: article.updatedAt,
      section: article.sectionName,
      authors: article.bylines.map((b) => `${origin}/authors/${b.slug}`),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: images ? "summary_large_image" : "summary", title, description, images },
    // Each article exists in one language: say which, for search engines and readers' tools.
    robots: { index: true, follow: true, "max-image-preview": "large" },
    alternates: {
      canonical: url,
      languages: { [article.language]: url },
      // Page metadata replaces the layout's `alternates` whole, so the site feed is named again here.
      types: {
        "application/rss+xml": [
          ...(liveFeed ? [liveFeed] : []),
          { url: "/feeds/rss.xml", title: "Copydesk" },
          { url: `/feeds/section/${article.sectionSlug}/rss.xml`, title: `Copydesk – ${article.sectionName}` },
        ],
        ...(liveFeed ? { "application/atom+xml": [{ url: `/feeds/live/${article.articleId}/atom.xml`, title: article.headline }] } : {}),
      },
    },
  };
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  // The same one read as the metadata's (React's cache() shares it within the render).
  const page = await cachedArticlePage(section, slug);
  if (!page) {
    const moved = await findSlugRedirect(section, slug); // an earlier address of a live article (308)
    if (moved) permanentRedirect(moved);
    notFound();
  }
  const { article, comments, commentsOpen, views } = page;
  const origin = siteOrigin();
  const live = await cachedLivePage(article.sectionSlug, article.slug, article.articleId, 1);
  const facts = { ...article, origin, url: `${origin}/${article.sectionSlug}/${article.slug}` };
  const jsonLd = live ? liveBlogJsonLd(facts, { ...live, entries: [...live.pinned, ...live.entries] }) : newsArticleJsonLd(facts);
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />
      <ArticleView article={article} views={views} />
      {live && <LiveBlog live={live} articleId={article.articleId} />}
      <ArticleComments articleId={article.articleId} language={article.language} open={commentsOpen} comments={comments} />
    </>
  );
}
