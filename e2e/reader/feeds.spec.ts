// Feeds for the site, a section, a tag and an author; readers find them from the article.
import { expect, test } from "@playwright/test";

test("site, section, tag and author feeds are valid RSS/Atom with the published articles", async ({ request }) => {
  const rss = await request.get("/feeds/rss.xml");
  expect(rss.status()).toBe(200);
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const xml = await rss.text();
  expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<rss version="2.0"/);
  expect(xml).toContain("Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden");
  expect(xml).not.toContain("Kämpferinnen mit Rückenwind"); // in review, not published
  expect(xml.match(/<item>/g)?.length).toBe(6);

  const atom = await request.get("/feeds/section/wissen/atom.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const atomXml = await atom.text();
  expect(atomXml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(atomXml.match(/<entry>/g)?.length).toBe(2);

  const tag = await (await request.get("/feeds/tag/verkehr/rss.xml")).text();
  expect(tag).toContain("Hafenstraße");
  const author = await (await request.get("/feeds/author/lena-kaempfer/rss.xml")).text();
  expect(author).toContain("Lena Kämpfer");

  expect((await request.get("/feeds/tag/gibt-es-nicht/rss.xml")).status()).toBe(404);
  expect((await request.get("/feeds/section/politik/feed.json")).status()).toBe(404);
});

test("an article offers its section's and its authors' feeds, and the site announces its feeds", async ({ page }) => {
  await page.goto("/wirtschaft");
  await page.getByRole("link", { name: /^Großauftrag für die Werft Südufer/ }).click();
  const article = page.getByRole("article");
  await expect(article.getByRole("link", { name: "Feed Wirtschaft" })).toHaveAttribute("href", "/feeds/section/wirtschaft/rss.xml");
  await expect(article.getByRole("link", { name: "Artikel von Lena Kämpfer" })).toHaveAttribute("href", "/feeds/author/lena-kaempfer/rss.xml");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/feeds\/rss\.xml$/);

  const robots = await page.request.get("/robots.txt");
  expect(await robots.text()).toContain("Disallow: /desk");
});

test("the sitemap index leads to section, news and article sitemaps", async ({ request }) => {
  const index = await (await request.get("/sitemap.xml")).text();
  expect(index).toContain("<sitemapindex");
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  expect(files).toEqual(["/sitemaps/sections.xml", "/sitemaps/news.xml", "/sitemaps/articles-0.xml"]);

  const articles = await (await request.get("/sitemaps/articles-0.xml")).text();
  expect(articles.match(/<url>/g)?.length).toBe(6);
  expect(articles).toContain("/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden</loc><lastmod>");
  // The demo's articles were published over the last three days: the news sitemap holds the last 48 hours.
  const news = await (await request.get("/sitemaps/news.xml")).text();
  expect(news).toContain("<news:title>Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden</news:title>");
  expect(news).not.toContain("Seagrass");
  expect((await request.get("/sitemaps/other.xml")).status()).toBe(404);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});
