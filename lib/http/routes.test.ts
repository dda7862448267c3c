import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_KINDS, articleAddress, articleMatchers, frontCacheKeyOf, isArticlePath, neverCached } from "./routes.mjs";

const root = path.resolve(__dirname, "../..");

/** The first path segments app/ serves on its own: its folders, those inside route groups too. */
function topLevelRoutes(): string[] {
  const names: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, "app"), { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (/^\(.+\)$/.test(entry.name)) {
      for (const inner of fs.readdirSync(path.join(root, "app", entry.name), { withFileTypes: true })) if (inner.isDirectory()) names.push(inner.name);
    } else names.push(entry.name);
  }
  // Sections are the dynamic segment; files such as sitemap.xml are no article's first segment.
  return names.filter((name) => !name.startsWith("[") && !name.includes("."));
}

describe("the route registry (lib/http/routes.mjs)", () => {
  it("knows every top-level route in app/, so none of them is taken for a section", () => {
    expect(topLevelRoutes().filter((name) => !ROUTE_KINDS.has(name))).toEqual([]);
  });

  it("is what the proxy's matcher says (Next needs the matcher written out in proxy.ts)", () => {
    const proxy = fs.readFileSync(path.join(root, "proxy.ts"), "utf8");
    const literals = [...proxy.matchAll(/"(\/:section\([^"]+)"/g)].map((m) => m[1]);
    expect(literals).toEqual(articleMatchers());
  });

  it("tells articles from other routes' addresses", () => {
    expect(isArticlePath("/kultur/faehrhaus-am-suedkai")).toBe(true);
    expect(isArticlePath("/tags/hafen")).toBe(false);
    expect(isArticlePath("/impressum/x")).toBe(false);
    expect(isArticlePath("/kultur")).toBe(false);
    expect(isArticlePath("/kultur/a/b")).toBe(false);
  });

  it("finds the article in a live blog's older page, and nothing in other routes' pages", () => {
    expect(articleAddress("/kultur/faehrhaus")).toEqual({ article: "/kultur/faehrhaus", rest: "" });
    expect(articleAddress("/politik/liveticker-wahl/p/3")).toEqual({ article: "/politik/liveticker-wahl", rest: "/p/3" });
    for (const other of ["/tags/hafen/p/2", "/politik/liveticker/p/0", "/politik/liveticker/p/x", "/politik/liveticker/q/2", "/kultur", "/p/2", "/kultur/a/p/2/x"]) {
      expect(articleAddress(other), other).toBeNull();
    }
  });

  it("keeps the desk, APIs, search and short links out of the front cache, never reader pages or live-blog polls", () => {
    for (const url of ["/desk", "/desk/articles/3", "/signin?next=/desk", "/api/views", "/api/live", "/api/live/12/x", "/api/live/12/events", "/api/liveblog/3", "/_next/static/x.js", "/media/2026/x.webp", "/search?q=hafen", "/comments", "/a/12"]) {
      expect(neverCached(url), url).toBe(true);
    }
    for (const url of ["/", "/?page=2", "/kultur", "/kultur/faehrhaus", "/p/2", "/feeds/rss.xml", "/tags/hafen", "/sitemap.xml", "/impressum", "/authors/lena", "/api/live/12?since=4", "/api/live/12"]) {
      expect(neverCached(url), url).toBe(false);
    }
  });

  it("keys the front cache on what decides the answer: the path, and a live poll's `since`", () => {
    // Any query a reader page does not read (campaign tags, a crawler's cache-buster) is the same page.
    expect(frontCacheKeyOf("/politik/haushalt?utm_source=feed&x=1")).toBe("/politik/haushalt");
    expect(frontCacheKeyOf("/feeds/rss.xml?x=2")).toBe("/feeds/rss.xml");
    expect(frontCacheKeyOf("/")).toBe("/");
    // The live poll's answer depends on `since`, and on nothing else it is sent.
    expect(frontCacheKeyOf("/api/live/12?since=40&x=1")).toBe("/api/live/12?since=40");
    expect(frontCacheKeyOf("/api/live/12?x=1&since=41")).toBe("/api/live/12?since=41");
    expect(frontCacheKeyOf("/api/live/12")).toBe("/api/live/12");
  });
});
