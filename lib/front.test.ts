import { describe, expect, it } from "vitest";
import { HOME_FRONT, fillFront, frontSlots, parseArticleReference } from "./front";

describe("front pages", () => {
  it("names an article by number, short link or address, also as a full URL", () => {
    expect(parseArticleReference("42")).toEqual({ id: 42 });
    expect(parseArticleReference(" /a/42 ")).toEqual({ id: 42 });
    expect(parseArticleReference("https://news.example.org/a/42")).toEqual({ id: 42 });
    expect(parseArticleReference("https://news.example.org/politik/rat-tagt?x=1")).toEqual({ sectionSlug: "politik", slug: "rat-tagt" });
    expect(parseArticleReference("/politik/rat-tagt/")).toEqual({ sectionSlug: "politik", slug: "rat-tagt" });
    for (const bad of ["", "Rat tagt", "/politik", "/politik/rat/tagt", "javascript:alert(1)", "http://[::1"]) expect(parseArticleReference(bad)).toBeNull();
  });

  it("fills unplaced slots with the newest article not already on the page, each section's block from its own", () => {
    const t = (id: number, sectionSlug: string) => ({ id, sectionSlug });
    const slots = frontSlots(HOME_FRONT, ["politik", "kultur"]);
    const newest = [t(9, "kultur"), t(8, "politik"), t(7, "politik"), t(6, "kultur"), t(5, "politik"), t(4, "politik"), t(3, "kultur")];
    const filled = fillFront(HOME_FRONT, slots, new Map([["lead", t(3, "kultur")], ["block-politik-1", t(9, "kultur")]]), newest);
    const ids = slots.map((s) => filled.get(s.slot)?.item.id ?? null);
    // lead placed; secondaries the newest four others; the misplaced kultur article in a politik
    // block is ignored; blocks get what is left of their section.
    expect(ids).toEqual([3, 9, 8, 7, 6, 5, 4, null, null, null, null]);
    expect(filled.get("lead")?.placed).toBe(true);
    expect(filled.get("second-1")?.placed).toBe(false);
  });
});
