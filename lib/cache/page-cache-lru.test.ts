// The page cache keeps at most COPYDESK_PAGE_CACHE_MB of pages, dropping the least recently used
// first (lru-cache, as the front cache and the media cache do), and its size stays exact through
// replacements, expiries and evictions.
import { describe, expect, it } from "vitest";

process.env.COPYDESK_PAGE_CACHE_MB = "1"; // before the store is made (on first use, below)
const { default: PageCacheHandler } = await import("./page-cache-handler.mjs");
const { expireTags, store } = await import("./store.mjs");

// ~400 KB each by the handler's estimate (two bytes a character): two fit in 1 MB, three do not.
const page = (fill: string) => ({ kind: "APP_PAGE", html: fill.repeat(200_000), headers: {} });

describe("the page cache's memory bound", () => {
  it("drops the least recently used page past its size, and counts bytes exactly", async () => {
    const cache = new PageCacheHandler();
    await cache.set("/a", page("a"), { tags: ["r:article:a"] });
    await cache.set("/b", page("b"), { tags: ["r:article:b"] });
    expect(await cache.get("/a", {})).not.toBeNull(); // /a read: /b is now the least recent
    await cache.set("/c", page("c"), { tags: ["r:article:c"] });
    expect(await cache.get("/b", {})).toBeNull();
    expect(await cache.get("/a", {})).not.toBeNull();
    expect(await cache.get("/c", {})).not.toBeNull();
    expect(store().entries.size).toBe(2);
    expect(store().entries.calculatedSize).toBeLessThanOrEqual(1024 * 1024);

    // Replacing an entry and expiring one keep the count right.
    const before = store().entries.calculatedSize;
    await cache.set("/a", page("A"), { tags: ["r:article:a"] });
    expect(store().entries.calculatedSize).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 5)); // written strictly before the expiry
    expireTags(["r:article:c"]);
    expect(await cache.get("/c", {})).toBeNull();
    expect(store().entries.size).toBe(1);
    expect(store().entries.calculatedSize).toBe(before / 2);

    // A page bigger than the whole cache is not kept (and does not push the others out).
    await cache.set("/huge", { kind: "APP_PAGE", html: "x".repeat(600_000), headers: {} }, { tags: [] });
    expect(await cache.get("/huge", {})).toBeNull();
    expect(((await cache.get("/a", {})) as { value: { html: string } }).value.html[0]).toBe("A");
  });
});
