// The cache tags every reader response names for the edge (Surrogate-Key, Cache-Tag) must never
// tell a reader about something not yet public: a draft's or a scheduled article's address, or a
// tag only a draft uses. They go to whatever sits in front (a CDN's logs, anyone who reads the
// headers), so a tag naming a draft would announce an embargoed story before its time.
import { expect, test } from "../fixtures";
import { slugify } from "../../lib/slug";
import { toNewsroomWallClock } from "../../lib/dates";

test("no reader response names a draft's or a scheduled article's address, or a draft's own tag, in its cache tags", async ({ factory, runId, request }) => {
  const shared = `Hafenfest ${runId}`;
  const published = await factory.published({ headline: `Hafenfest eröffnet ${runId}`, section: "kultur", tags: [shared, `Straßenmusik ${runId}`] });
  const draftOnlyTag = `Übernahme geheim ${runId}`;
  const draft = await factory.article({ headline: `Geheime Übernahme der Werft ${runId}`, section: "kultur", tags: [shared, draftOnlyTag], status: "draft" });
  const tomorrow = new Date(Date.now() + 24 * 3_600_000);
  const scheduled = await factory.article({
    headline: `Sperrfrist Bürgermeisterin tritt zurück ${runId}`,
    section: "kultur",
    tags: [shared],
    status: "scheduled",
    at: `${toNewsroomWallClock(tomorrow)}:00`,
  });

  // What would give them away: their addresses (section/slug, as r:article tags name them), their
  // slugs anywhere, their ids, and the tag no published article carries.
  const secrets = [draft.slug, scheduled.slug, slugify(draftOnlyTag), `${draft.id}`, `${scheduled.id}`];
  const pages = [
    "/",
    "/kultur",
    published.url,
    `/a/${published.id}`,
    `/tags/${slugify(shared)}`,
    `/tags/${slugify(`Straßenmusik ${runId}`)}`,
    "/feeds/rss.xml",
    "/feeds/atom.xml",
    "/feeds/section/kultur/rss.xml",
    `/feeds/tag/${slugify(shared)}/rss.xml`,
    "/sitemap.xml",
    "/sitemaps/news.xml",
    "/sitemaps/sections.xml",
    "/sitemaps/articles-0.xml",
  ];
  const tagged: string[] = [];
  for (const path of pages) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    const names = `${response.headers()["surrogate-key"] ?? ""} ${response.headers()["cache-tag"] ?? ""}`;
    if (names.trim()) tagged.push(path);
    // Tags are whole words between separators: an id must not appear as one (r:…:123) either.
    const words = names.split(/[\s,:/]+/);
    for (const secret of secrets) {
      expect(names.includes(secret) && !/^\d+$/.test(secret) ? secret : null, `${path} names ${secret}: ${names}`).toBeNull();
      if (/^\d+$/.test(secret)) expect(words, `${path} names id ${secret}: ${names}`).not.toContain(secret);
    }
  }
  // The check means something only where tags are sent: every response above but the short
  // link's redirect (never kept by a cache) names its tags, the article page its own address.
  const own = (await request.get(published.url)).headers()["surrogate-key"] ?? "";
  expect(own.split(" ")).toContain(`r:article:${published.url.slice(1)}`);
  expect(tagged).toEqual(pages.filter((path) => !path.startsWith("/a/")));
});
