import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, scriptJson } from "./structured-data";

describe("NewsArticle structured data", () => {
  const data = newsArticleJsonLd({
    url: "https://news.example.org/politik/a",
    origin: "https://news.example.org",
    headline: "Kämpfer für die Straßenbahn",
    standfirst: "Vorspann",
    language: "de",
    sectionName: "Politik",
    publishedAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T11:00:00.000Z",
    bylines: [{ name: "Lena Kämpfer", slug: "lena-kaempfer" }],
    tags: [{ name: "Verkehr" }, { name: "Stadtrat" }],
  });

  it("carries what news search engines read", () => {
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      headline: "Kämpfer für die Straßenbahn",
      datePublished: "2026-11-24T10:00:00.000Z",
      dateModified: "2026-11-24T11:00:00.000Z",
      inLanguage: "de",
      articleSection: "Politik",
      keywords: "Verkehr, Stadtrat",
      author: [{ "@type": "Person", name: "Lena Kämpfer", url: "https://news.example.org/authors/lena-kaempfer" }],
      publisher: { name: "Copydesk", logo: { url: "https://news.example.org/icon.svg" } },
    });
  });

  it("cannot be used to close the script element", () => {
    const json = scriptJson({ headline: "</script><script>alert(1)</script>" });
    expect(json).not.toContain("</script>");
    expect(JSON.parse(json).headline).toBe("</script><script>alert(1)</script>");
  });
});
