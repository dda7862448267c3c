import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cachedArticlePage, cachedLivePage } from "@/db/reader-queries";
import { siteOrigin } from "@/lib/site-url";
import { LiveBlog } from "@/components/article/LiveBlog";

type Props = { params: Promise<{ section: string; slug: string; page: string }> };

// Older entries of a live blog at stable addresses (/…/p/2): plain pages, cached under the
// article's tag like the live blog itself, never live-updated (only page 1 is).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

async function load({ params }: Props) {
  const { section, slug, page } = await params;
  if (!/^[2-9]$|^[1-9]\d{1,3}$/.test(page)) return null; // page 1 is the article's own address
  const article = (await cachedArticlePage(section, slug))?.article;
  if (!article) return null;
  const live = await cachedLivePage(article.sectionSlug, article.slug, article.articleId, Number(page));
  return live ? { article, live } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  if (!found) return {};
  const t = await getTranslations({ locale: found.article.language, namespace: "liveReader" });
  return {
    title: t("olderTitle", { headline: found.article.headline, page: found.live.page }),
    alternates: { canonical: `${siteOrigin()}${found.live.path}/p/${found.live.page}` },
  };
}

export default async function LiveBlogOlderPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { article, live } = found;
  return (
    <article className="article" lang={article.language}>
      <header>
        <Link className="article__section" href={`/${article.sectionSlug}`}>
          {article.sectionName}
        </Link>
        <h1 className="article__headline">
          <Link href={live.path}>{article.headline}</Link>
        </h1>
      </header>
      <LiveBlog live={live} articleId={article.articleId} />
    </article>
  );
}
