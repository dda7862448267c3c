// Sitemap index: sections, the news sitemap (1,000 articles a file), and one file per 10,000 article ids —
// so it keeps working with millions of articles.
import { countNewsSitemapFiles, countSitemapChunks } from "@/db/publications/sitemap";
import { readerTags } from "@/lib/cache/tags";
import { siteOrigin } from "@/lib/site-url";
import { escapeXml, xmlResponse } from "@/lib/xml";

export async function GET(request: Request) {
  const origin = siteOrigin(request.headers);
  const chunks = await countSitemapChunks();
  // The news sitemap holds 1,000 articles a file: news.xml, then news-1.xml, news-2.xml, …
  const newsFiles = await countNewsSitemapFiles();
  const files = [
    "sections.xml",
    "news.xml",
    ...Array.from({ length: newsFiles - 1 }, (_, i) => `news-${i + 1}.xml`),
    ...Array.from({ length: chunks }, (_, i) => `articles-${i}.xml`),
  ];
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    files.map((f) => `  <sitemap><loc>${escapeXml(`${origin}/sitemaps/${f}`)}</loc></sitemap>`).join("\n") +
    "\n</sitemapindex>\n";
  return xmlResponse(body, [readerTags.all, readerTags.home]); // a publish may start a new file
}
