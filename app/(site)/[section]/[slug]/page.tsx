import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { siteOrigin } from "@/lib/site-url";
import { newsArticleJsonLd, scriptJson } from "@/lib/structured-data";
import { cache } from "react";
import { getVisibleArticle } from "@/db/publications/queries";
import { findSlugRedirect } from "@/db/publications/redirects";
import { ArticleView } from "@/components/article/ArticleView";
import { ArticleComments } from "@/components/article/ArticleComments";
import { areCommentsOpen, listApprovedComments } from "@/db/comments/queries";
import { readCommentFeedback } from "@/lib/comments";

type Props = {
  params: Promise<{ section: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (section: string, slug: string) => {
  await connection();
  return getVisibleArticle(section, slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await load(section, slug);
  if (!article) return {};
  const origin = siteOrigin(await headers());
  const url = `${origin}/${article.sectionSlug}/${article.slug}`;
  const title = article.seoTitle || article.headline;
  const description = article.seoDescription || article.standfirst || undefined;
  const images = article.leadImage ? [{ url: `${origin}${article.leadImage.src}`, width: article.leadImage.width, height: article.leadImage.height, alt: article.leadImage.alt }] : undefined;
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
    alternates: {
      canonical: `/${article.sectionSlug}/${article.slug}`,
      languages: { [article.language]: `/${article.sectionSlug}/${article.slug}` },
      // Page metadata replaces the layout's `alternates` whole, so the site feed is named again here.
      types: {
        "application/rss+xml": [
          { url: "/feeds/rss.xml", title: "Copydesk" },
          { url: `/feeds/section/${article.sectionSlug}/rss.xml`, title: `Copydesk – ${article.sectionName}` },
        ],
      },
    },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const { section, slug } = await params;
  const article = await load(section, slug);
  if (!article) {
    const moved = await findSlugRedirect(section, slug); // an earlier address of a live article (308)
    if (moved) permanentRedirect(moved);
    notFound();
  }
  const [comments, commentsOpen] = [await listApprovedComments(article.articleId), await areCommentsOpen(article.articleId)];
  const origin = siteOrigin(await headers());
  const jsonLd = newsArticleJsonLd({ ...article, origin, url: `${origin}/${article.sectionSlug}/${article.slug}` });
  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptJson(jsonLd) }} />
      <ArticleView article={article} />
      <ArticleComments
        articleId={article.articleId}
        language={article.language}
        open={commentsOpen}
        comments={comments}
        feedback={readCommentFeedback(await searchParams)}
      />
    </>
  );
}
