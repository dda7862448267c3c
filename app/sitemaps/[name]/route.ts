// The files the sitemap index points to: sections.xml, news.xml (and news-{n}.xml past the
// first 1,000), articles-{n}.xml.
import { listNewsSitemap, listSitemapChunk } from "@/db/publications/sitemap";
import { listSections } from "@/db/sections/queries";
import { readerTags } from "@/lib/cache/tags";
import { siteOrigin } from "@/lib/site-url";
import { escapeXml, xmlResponse } from "@/lib/xml";

// Every publish, update and unpublish expires the home list's tag (lib/cache/tags.ts), so the
// article sitemaps go with it; the sections file changes with the sections.
const ARTICLE_TAGS = [readerTags.all, readerTags.home];

const URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  const origin = siteOrigin(request.headers);
  const loc = (path: string) => `<loc>${escapeXml(origin + path)}</loc>`;

  if (name === "sections.xml") {
    const sections = await listSections();
    const urls = [`  <url>${loc("/")}</url>`, ...sections.map((s) => `  <url>${loc(`/${s.slug}`)}</url>`)];
    return xmlResponse(`${URLSET}>\n${urls.join("\n")}\n</urlset>\n`, [readerTags.all, readerTags.sections]);
  }
  const news = /^news(?:-(\d{1,4}))?\.xml$/.exec(name);
  if (news && news[1] !== "0") {
    const items = await listNewsSitemap(Number(news[1] ?? 0));
    if (news[1] && items.length === 0) return new Response("Not found", { status: 404 });
    const urls = items.map(
      (a) =>
        `  <url>${loc(`/${a.sectionSlug}/${a.slug}`)}<news:news><news:publication><news:name>Copydesk</news:name>` +
        `<news:language>${a.language}</news:language></news:publication>` +
        `<news:publication_date>${a.publishedAt.toISOString()}</news:publication_date>` +
        `<news:title>${escapeXml(a.headline)}</news:title></news:news></url>`,
    );
    return xmlResponse(`${URLSET} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join("\n")}\n</urlset>\n`, ARTICLE_TAGS);
  }
  const chunk = /^articles-(\d{1,6})\.xml$/.exec(name);
  if (chunk) {
    const items = await listSitemapChunk(Number(chunk[1]));
    const urls = items.map((a) => `  <url>${loc(`/${a.sectionSlug}/${a.slug}`)}<lastmod>${a.updatedAt.toISOString()}</lastmod></url>`);
    return xmlResponse(`${URLSET}>\n${urls.join("\n")}\n</urlset>\n`, ARTICLE_TAGS);
  }
  return new Response("Not found", { status: 404 });
}
