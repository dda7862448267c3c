import { describe, expect, it } from "vitest";
import { listSplice, mapSelection } from "./collab-edits";

describe("mapSelection", () => {
  it("keeps the caret on its characters when someone types before it", () => {
    // "Hallo Welt|" → someone inserts "liebe " after "Hallo ": caret moves by 6
    expect(mapSelection([{ retain: 6 }, { insert: "liebe " }], 10, 10)).toEqual([16, 16]);
  });
  it("leaves the caret alone for typing after it, and stays before an insertion at the caret", () => {
    expect(mapSelection([{ retain: 12 }, { insert: "!" }], 5, 5)).toEqual([5, 5]);
    expect(mapSelection([{ retain: 5 }, { insert: "ß" }], 5, 5)).toEqual([5, 5]);
  });
  it("pulls a selection left for deletions before it and shrinks it for deletions inside", () => {
    expect(mapSelection([{ delete: 3 }], 5, 8)).toEqual([2, 5]);
    expect(mapSelection([{ retain: 4 }, { delete: 3 }], 5, 8)).toEqual([4, 5]);
    expect(mapSelection([{ retain: 1 }, { delete: 20 }], 5, 8)).toEqual([1, 1]);
  });
  it("grows a selection for an insertion inside it", () => {
    expect(mapSelection([{ retain: 6 }, { insert: "„x“" }], 5, 8)).toEqual([5, 11]);
  });
});

describe("listSplice", () => {
  it("finds one added tag in the middle", () => {
    expect(listSplice(["a", "c"], ["a", "b", "c"])).toEqual({ index: 1, remove: 0, insert: ["b"] });
  });
  it("finds a removed item and compares objects by value", () => {
    expect(listSplice([{ url: "https://a.de", title: "A" }, { articleId: 2, title: "B" }], [{ articleId: 2, title: "B" }])).toEqual({ index: 0, remove: 1, insert: [] });
  });
  it("says nothing changed when nothing did", () => {
    expect(listSplice([1, 2], [1, 2])).toBeNull();
  });
  it("replaces a reordered pair as one splice", () => {
    expect(listSplice([1, 2, 3], [2, 1, 3])).toEqual({ index: 0, remove: 2, insert: [2, 1] });
  });
});
