// The page cache's memory of expired tags stays small however many tags expire, and forgetting
// an expiry never lets a page or an image that it made stale be served again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import PageCacheHandler from "./page-cache-handler.mjs";
import { expireTags, REMEMBER_EXPIRY_MS, store } from "./store.mjs";
import { hotVariant, keepHotVariant } from "@/lib/media/hot-variants";
import { readerTags } from "./tags";

const page = (html: string) => ({ kind: "APP_PAGE", html, headers: {} });

describe("expired tags in the page cache's store", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-05T00:00:00Z"));
    const s = store();
    s.entries.clear();
    s.expiredAt.clear();
    s.forgottenAt = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("keeps only recent expiries: a newsroom's stream of tags is not a list that grows", () => {
    // A day of publishing: a tag of its own every ten seconds.
    for (let i = 0; i < 8640; i++) {
      expireTags([`r:article:kultur/a-${i}`, "r:list:home"]);
      vi.advanceTimersByTime(10_000);
    }
    const s = store();
    // What the last two minutes expired, at most: never the day's 8,640 articles.
    expect(s.expiredAt.size).toBeLessThanOrEqual((2 * REMEMBER_EXPIRY_MS) / 10_000 + 1);
    expect(s.expiredAt.has("r:article:kultur/a-0")).toBe(false);
    expect(s.expiredAt.has("r:article:kultur/a-8639")).toBe(true);
    expect(s.expiredAt.has("r:list:home")).toBe(true); // expired again and again: remembered as recent
  });

  it("drops a page an expiry made stale before forgetting that expiry, and keeps the pages it did not touch", async () => {
    const cache = new PageCacheHandler();
    await cache.set("/kultur/alt", page("old"), { tags: ["r:article:kultur/alt"] });
    await cache.set("/kultur/other", page("other"), { tags: ["r:article:kultur/other"] });
    vi.advanceTimersByTime(5000);
    expireTags(["r:article:kultur/alt"]);
    // Nobody asks for either page for a while; then something else expires, long after.
    vi.advanceTimersByTime(REMEMBER_EXPIRY_MS + 1000);
    expireTags(["r:list:home"]);

    expect(store().expiredAt.has("r:article:kultur/alt")).toBe(false); // forgotten…
    expect(await cache.get("/kultur/alt", {})).toBeNull(); // …and the page it condemned is gone with it
    expect(((await cache.get("/kultur/other", {})) as { value: { html: string } }).value.html).toBe("other");
  });

  it("drops every older page when a forgotten expiry was a path's (revalidatePath: pages do not list those tags)", async () => {
    const cache = new PageCacheHandler();
    await cache.set("/desk/profile", page("before"), { tags: [] });
    vi.advanceTimersByTime(1000);
    expireTags(["_N_T_/desk/profile"]);
    vi.advanceTimersByTime(1000);
    await cache.set("/kultur/new", page("after"), { tags: ["r:article:kultur/new"] });
    vi.advanceTimersByTime(REMEMBER_EXPIRY_MS);
    expireTags(["r:list:home"]);

    expect(await cache.get("/desk/profile", { softTags: ["_N_T_/desk/profile"] })).toBeNull();
    expect(await cache.get("/kultur/new", {})).not.toBeNull(); // written after that expiry
  });

  it("drops an image held in memory when its upload's tag expires, so forgetting the expiry later serves nothing stale", () => {
    const key = "2026/12/0f8fad5b-d9cb-469f-a165-70867728950e/w960.webp";
    const tag = readerTags.media("0f8fad5b-d9cb-469f-a165-70867728950e");
    keepHotVariant(key, { bytes: new Uint8Array([1, 2, 3]), contentType: "image/webp", readAt: Date.now() });
    expect(hotVariant(key, tag)?.bytes).toEqual(new Uint8Array([1, 2, 3]));
    vi.advanceTimersByTime(1000);
    expireTags([tag]); // the image is deleted (db/media/delete.ts)
    vi.advanceTimersByTime(REMEMBER_EXPIRY_MS + 1000);
    expireTags(["r:list:home"]);
    expect(store().expiredAt.has(tag)).toBe(false);
    expect(hotVariant(key, tag)).toBeUndefined();
  });
});
