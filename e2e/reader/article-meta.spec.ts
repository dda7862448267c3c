// What machines read from an article page: canonical URL, language, Open Graph, NewsArticle.
import { expect, test } from "../fixtures";

test("an article page carries canonical, hreflang, Open Graph and NewsArticle data", async ({ page, factory, runId }) => {
  const headline = `Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden ${runId}`;
  const { url } = await factory.published({ headline, section: "politik", language: "de", tags: [`Verkehr ${runId}`] });
  await page.goto(url);
  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`${url}$`));
  await expect(head.locator('link[rel="alternate"][hreflang="de"]')).toHaveCount(1);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  expect(await head.locator('meta[property="og:title"]').getAttribute("content")).toContain(headline);
  await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute("content", "de_DE");

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({
    "@type": "NewsArticle",
    headline,
    inLanguage: "de",
    articleSection: "Politik",
    author: [{ "@type": "Person", name: "Lena Kämpfer" }], // the demo journalist, who wrote it
    publisher: { name: "Copydesk" },
  });
  expect(jsonLd.author[0].url).toMatch(/\/authors\/lena-kaempfer$/);
  expect(jsonLd.keywords).toContain(`Verkehr ${runId}`);
  expect(Date.parse(jsonLd.datePublished)).not.toBeNaN();
});
