// Feeds for the site, a section, a tag and an author; readers find them from the article. Each
// journey publishes its own articles (e2e/fixtures.ts) under a tag only it uses, so it can count.
import { expect, test } from "../fixtures";

test("site, section, tag and author feeds are valid RSS/Atom with the published articles", async ({ request, factory, runId }) => {
  const tag = `feedprobe${runId}`;
  const first = await factory.published({ headline: `Hafenfest kehrt zurück ${runId}`, section: "wissen", tags: [tag] });
  await factory.published({ headline: `Zweite Meldung ${runId}`, section: "politik", tags: [tag] });
  const inReview = await factory.article({ headline: `Noch in Prüfung ${runId}`, status: "in_review", tags: [tag] });

  const rss = await request.get("/feeds/rss.xml");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await rss.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
  expect(xml).toContain(`Hafenfest kehrt zurück ${runId}`);
  expect(xml).not.toContain(`Noch in Prüfung ${runId}`); // in review, not published
  expect(inReview.url).toBeNull();

  const atom = await request.get("/feeds/section/wissen/atom.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const atomXml = await atom.text();
  expect(atomXml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(atomXml).toContain(`Hafenfest kehrt zurück ${runId}`);
  expect(atomXml).not.toContain(`Zweite Meldung ${runId}`); // another section's

  // Only this journey uses the tag: its feed holds exactly the two published articles.
  const tagXml = await (await request.get(`/feeds/tag/${tag}/rss.xml`)).text();
  expect(tagXml.match(/<item>/g)?.length).toBe(2);
  expect(tagXml).toContain(`${first.sectionSlug}/${first.slug}`);
  const author = await (await request.get("/feeds/author/lena-kaempfer/rss.xml")).text();
  expect(author).toContain("Lena Kämpfer");
  expect(author).toContain(`Hafenfest kehrt zurück ${runId}`);

  expect((await request.get("/feeds/tag/gibt-es-nicht/rss.xml")).status()).toBe(404);
  expect((await request.get("/feeds/section/politik/feed.json")).status()).toBe(404);
});

test("an article offers its section's and its authors' feeds, and the site announces its feeds", async ({ page, factory, runId }) => {
  const { url } = await factory.published({ headline: `Großauftrag für die Werft ${runId}`, section: "wirtschaft" });
  await page.goto(url);
  const article = page.getByRole("article");
  await expect(article.getByRole("link", { name: "Feed Wirtschaft" })).toHaveAttribute("href", "/feeds/section/wirtschaft/rss.xml");
  await expect(article.getByRole("link", { name: "Artikel von Lena Kämpfer" })).toHaveAttribute("href", "/feeds/author/lena-kaempfer/rss.xml");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/feeds\/rss\.xml$/);

  const robots = await page.request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /desk");
});

test("the sitemap index leads to section, news and article sitemaps", async ({ request, factory, runId }) => {
  const published = await factory.published({ headline: `Im Sitemap ${runId}` });
  const draft = await factory.article({ headline: `Nicht im Sitemap ${runId}` });
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(files).toEqual(["/sitemaps/sections.xml", "/sitemaps/news.xml", "/sitemaps/articles-0.xml"]);

  const articles = await (await request.get("/sitemaps/articles-0.xml")).text();
  expect(articles).toContain(`${published.url}</loc><lastmod>`);
  expect(articles).not.toContain(`/${draft.sectionSlug}/${draft.slug}<`);
  // The news sitemap holds the last 48 hours: what was just published is in it; the demo's
  // seagrass story, published 52 hours before the seed (scripts/demo-content.ts), is not.
  const news = await (await request.get("/sitemaps/news.xml")).text();
  expect(news).toContain(`<news:title>Im Sitemap ${runId}</news:title>`);
  expect(news).not.toContain("Seagrass is returning to the river flats below Elbstadt");
  expect((await request.get("/sitemaps/other.xml")).status()).toBe(404);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});
