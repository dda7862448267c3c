import type { Metadata } from "next";
import { cachedSitePage } from "@/db/reader-queries";
import { pageParagraphs, type SitePageSlug } from "@/lib/site-pages";
import { siteOrigin } from "@/lib/site-url";
import { SitePageView } from "@/components/site/SitePageView";

/** Metadata of /impressum and /datenschutz: the title and the text's opening as description. */
export async function sitePageMetadata(slug: SitePageSlug): Promise<Metadata> {
  const page = await cachedSitePage(slug);
  const first = pageParagraphs(page.body)[0]?.join(" ") ?? page.title;
  return { title: page.title, description: first.slice(0, 160), alternates: { canonical: `${siteOrigin()}/${slug}` } };
}

export async function SitePageRoute({ slug }: { slug: SitePageSlug }) {
  return <SitePageView page={await cachedSitePage(slug)} />;
}
