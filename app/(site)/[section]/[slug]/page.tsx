import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getVisibleArticle } from "@/db/publications/queries";
import { ArticleView } from "@/components/article/ArticleView";

type Props = { params: Promise<{ section: string; slug: string }> };

const load = cache(async (section: string, slug: string) => {
  await connection();
  return getVisibleArticle(section, slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const article = await load(section, slug);
  if (!article) return {};
  return {
    title: article.headline,
    description: article.standfirst || undefined,
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

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const article = await load(section, slug);
  if (!article) notFound();
  return <ArticleView article={article} />;
}
