// What machines read from an article page: canonical URL, language, Open Graph, NewsArticle.
import { expect, test } from "@playwright/test";

test("an article page carries canonical, hreflang, Open Graph and NewsArticle data", async ({ page }) => {
  await page.goto("/politik/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden");
  const head = page.locator("head");
  await expect(head.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/politik\/hafenstrasse-stadtrat-laesst-die-buerger-ueber-den-umbau-entscheiden$/);
  await expect(head.locator('link[rel="alternate"][hreflang="de"]')).toHaveCount(1);
  await expect(head.locator('meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(head.locator('meta[property="og:title"]')).toHaveAttribute("content", /^Hafenstraße: Stadtrat lässt die Bürger/);
  await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute("content", "de_DE");

  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({
    "@type": "NewsArticle",
    headline: "Hafenstraße: Stadtrat lässt die Bürger über den Umbau entscheiden",
    inLanguage: "de",
    articleSection: "Politik",
    author: [{ "@type": "Person", name: "Lena Kämpfer" }],
    publisher: { name: "Copydesk" },
  });
  expect(jsonLd.author[0].url).toMatch(/\/authors\/lena-kaempfer$/);
  expect(jsonLd.keywords).toContain("Verkehr");
  expect(Date.parse(jsonLd.datePublished)).not.toBeNaN();
});
