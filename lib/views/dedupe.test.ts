import { describe, expect, it } from "vitest";
import { createViewDedupe, readerKey } from "./dedupe";

describe("counting one view per reader and article", () => {
  it("counts a reader's first view of an article, not the reloads within the window, and again after it", () => {
    let now = 1_000_000;
    const dedupe = createViewDedupe({ windowMs: 30 * 60_000, now: () => now });
    const anna = readerKey("203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0");
    expect(dedupe.firstView(anna, 1)).toBe(true);
    expect(dedupe.firstView(anna, 1)).toBe(false); // reload
    now += 29 * 60_000;
    expect(dedupe.firstView(anna, 1)).toBe(false);
    expect(dedupe.firstView(anna, 2)).toBe(true); // another article
    now += 2 * 60_000;
    expect(dedupe.firstView(anna, 1)).toBe(true); // a new visit half an hour later
  });

  it("tells readers apart by address and browser, without keeping either as it is", () => {
    const dedupe = createViewDedupe();
    const phone = readerKey("203.0.113.7", "Mozilla/5.0 (iPhone) Safari/605.1");
    const laptop = readerKey("203.0.113.7", "Mozilla/5.0 (Macintosh) Safari/605.1");
    const neighbour = readerKey("198.51.100.4", "Mozilla/5.0 (iPhone) Safari/605.1");
    expect(new Set([phone, laptop, neighbour]).size).toBe(3);
    expect(phone).not.toContain("203.0.113.7");
    expect(phone).toHaveLength(16);
    for (const reader of [phone, laptop, neighbour]) expect(dedupe.firstView(reader, 7)).toBe(true);
  });

  it("forgets the oldest readers first when its memory is full", () => {
    const dedupe = createViewDedupe({ maxEntries: 3 });
    for (const id of [1, 2, 3, 4]) expect(dedupe.firstView("r", id)).toBe(true);
    expect(dedupe.size()).toBe(3);
    expect(dedupe.firstView("r", 4)).toBe(false); // still remembered
    expect(dedupe.firstView("r", 1)).toBe(true); // forgotten, so counted again
  });
});
