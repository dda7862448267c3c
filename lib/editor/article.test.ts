import { describe, expect, it } from "vitest";
import { addTag, move, toSaveInput, emptyFields } from "./article";

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

  it("sends the slug only once someone typed one", () => {
    const fields = { ...emptyFields([{ id: 3, name: "Lena" }]), headline: "Zeile", sectionId: "2", slug: "zeile" };
    expect(toSaveInput(fields, {}, { slugEdited: false })).not.toHaveProperty("slug");
    expect(toSaveInput(fields, {}, { slugEdited: true })).toMatchObject({ slug: "zeile", sectionId: 2, authorIds: [3], leadImageId: null });
  });
});
