import { describe, expect, it } from "vitest";
import { liveBlogJsonLd, newsArticleJsonLd, scriptJson } from "./structured-data";

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

describe("LiveBlogPosting structured data", () => {
  const facts = {
    url: "https://news.example.org/politik/sturmflut",
    origin: "https://news.example.org",
    headline: "Liveticker: Sturmflut",
    standfirst: "",
    language: "de" as const,
    sectionName: "Politik",
    publishedAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T10:00:00.000Z",
    bylines: [],
    tags: [],
  };
  const entries = [
    { id: 12, title: "", text: "Fähren fallen aus – „bis auf Weiteres“.", publishedAt: "2026-11-24T11:00:00.000Z", editedAt: "2026-11-24T11:05:00.000Z" },
    { id: 11, title: "Deich hält", text: "Der Deich bei Husum hält.", publishedAt: "2026-11-24T10:30:00.000Z", editedAt: null },
  ];

  it("parses as JSON-LD and lists the entries with their permalinks, coverage open while live", () => {
    const parsed = JSON.parse(scriptJson(liveBlogJsonLd(facts, { startedAt: "2026-11-24T09:55:00.000Z", endedAt: null, entries })));
    expect(parsed).toMatchObject({ "@context": "https://schema.org", "@type": "LiveBlogPosting", coverageStartTime: "2026-11-24T09:55:00.000Z", headline: "Liveticker: Sturmflut" });
    expect(parsed).not.toHaveProperty("coverageEndTime");
    expect(parsed.liveBlogUpdate).toEqual([
      { "@type": "BlogPosting", headline: "Fähren fallen aus – „bis auf Weiteres“.", articleBody: "Fähren fallen aus – „bis auf Weiteres“.", datePublished: "2026-11-24T11:00:00.000Z", dateModified: "2026-11-24T11:05:00.000Z", url: "https://news.example.org/politik/sturmflut#entry-12" },
      { "@type": "BlogPosting", headline: "Deich hält", articleBody: "Der Deich bei Husum hält.", datePublished: "2026-11-24T10:30:00.000Z", dateModified: "2026-11-24T10:30:00.000Z", url: "https://news.example.org/politik/sturmflut#entry-11" },
    ]);
  });

  it("has an end time once the blog has ended", () => {
    expect(liveBlogJsonLd(facts, { startedAt: null, endedAt: "2026-11-24T18:00:00.000Z", entries: [] })).toMatchObject({ coverageStartTime: facts.publishedAt, coverageEndTime: "2026-11-24T18:00:00.000Z" });
  });
});
