import { describe, expect, it } from "vitest";
import { addTag, imageSources, move, toSaveInput, emptyFields } from "./article";

describe("editor list helpers", () => {
  it("adds tags once, whatever their case or spacing", () => {
    expect(addTag(["Hafen"], "  hafen ")).toEqual(["Hafen"]);
    expect(addTag(["Hafen"], "ÖKOLOGIE")).toEqual(["Hafen", "ÖKOLOGIE"]);
    expect(addTag(["Ökologie"], "ökologie")).toEqual(["Ökologie"]);
    expect(addTag(["Hafen"], "Neue   Werft")).toEqual(["Hafen", "Neue Werft"]);
    expect(addTag(["Hafen"], "   ")).toEqual(["Hafen"]);
  });

  it("moves items within bounds only", () => {
    expect(move(["a", "b", "c"], 1, -1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 1, 1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("picks the variant nearest above a width and lists them all", () => {
    const v = (width: number) => ({ width, height: width / 2, format: "webp" as const, key: `k/${width}.webp`, bytes: 1 });
    expect(imageSources([v(1600), v(480), v(960)])).toEqual({ src: "/media/k/960.webp", srcset: "/media/k/480.webp 480w, /media/k/960.webp 960w, /media/k/1600.webp 1600w" });
    expect(imageSources([v(480)], 960).src).toBe("/media/k/480.webp");
  });

  it("sends the slug only once someone typed one", () => {
    const fields = { ...emptyFields([{ id: 3, name: "Lena" }]), headline: "Zeile", sectionId: "2", slug: "zeile" };
    expect(toSaveInput(fields, {}, { slugEdited: false })).not.toHaveProperty("slug");
    expect(toSaveInput(fields, {}, { slugEdited: true })).toMatchObject({ slug: "zeile", sectionId: 2, authorIds: [3], leadImageId: null });
  });
});
