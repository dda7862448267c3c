import { describe, expect, it } from "vitest";
import { diffFields, diffText, hasChanges, type DiffPart } from "./diff";

/** Both texts rebuilt from the parts: what a reader of the diff can reconstruct. */
function sides(parts: DiffPart[]) {
  return {
    before: parts.filter((p) => p.kind !== "ins").map((p) => p.text).join(""),
    after: parts.filter((p) => p.kind !== "del").map((p) => p.text).join(""),
  };
}

describe("diffText", () => {
  it("marks an inserted and a deleted word, keeping the rest", () => {
    expect(diffText("Der Rat tagt heute.", "Der Stadtrat tagt morgen früh.")).toEqual([
      { kind: "same", text: "Der " },
      { kind: "del", text: "Rat" },
      { kind: "ins", text: "Stadtrat" },
      { kind: "same", text: " tagt " },
      { kind: "del", text: "heute" },
      { kind: "ins", text: "morgen früh" },
      { kind: "same", text: "." },
    ]);
  });

  it("keeps German words with umlauts and ß whole, and „quotes“ apart from the words", () => {
    const parts = diffText("Bürgerhaus öffnet „Straßenküche“", "Bürgerhaus schließt „Straßenküche“ heute");
    expect(parts).toEqual([
      { kind: "same", text: "Bürgerhaus " },
      { kind: "del", text: "öffnet" },
      { kind: "ins", text: "schließt" },
      { kind: "same", text: " „Straßenküche“" },
      { kind: "ins", text: " heute" },
    ]);
  });

  it("sees a change of quotation marks alone", () => {
    expect(diffText('Sie sagt "Nein".', "Sie sagt „Nein“.")).toEqual([
      { kind: "same", text: "Sie sagt " },
      { kind: "del", text: '"' },
      { kind: "ins", text: "„" },
      { kind: "same", text: "Nein" },
      { kind: "del", text: '"' },
      { kind: "ins", text: "“" },
      { kind: "same", text: "." },
    ]);
  });

  it("treats a decomposed umlaut (u + combining mark) like the precomposed one", () => {
    expect(diffText("Gru\u0308ße aus Köln", "Grüße aus Köln")).toEqual([{ kind: "same", text: "Grüße aus Köln" }]);
  });

  it("keeps words of other scripts whole", () => {
    expect(diffText("Καλή Ελλάδα", "Καλή Κύπρος")).toEqual([
      { kind: "same", text: "Καλή " },
      { kind: "del", text: "Ελλάδα" },
      { kind: "ins", text: "Κύπρος" },
    ]);
  });

  it("shows a new paragraph as an insertion including its break", () => {
    const parts = diffText("Erster Absatz.\n\nZweiter Absatz.", "Erster Absatz.\n\nNeuer Absatz.\n\nZweiter Absatz.");
    expect(parts.filter((p) => p.kind !== "same")).toEqual([{ kind: "ins", text: "Neuer Absatz.\n\n" }]);
  });

  it("reads a replaced phrase as one deletion and one insertion, not word-by-word ping-pong", () => {
    expect(diffText("alte Fassung bleibt", "neue Version bleibt")).toEqual([
      { kind: "del", text: "alte Fassung" },
      { kind: "ins", text: "neue Version" },
      { kind: "same", text: " bleibt" },
    ]);
  });

  it("rebuilds both texts exactly", () => {
    const before = "Am Montag, 3. März, öffnet die „Küche für alle“ – täglich ab 12 Uhr.\n\nAnmeldung nicht nötig.";
    const after = "Ab Dienstag, 4. März, öffnet die „Küche für alle“ — werktags ab 11:30 Uhr.\n\nEine Anmeldung ist nicht nötig!";
    expect(sides(diffText(before, after))).toEqual({ before, after });
  });

  it("handles empty texts", () => {
    expect(diffText("", "")).toEqual([]);
    expect(diffText("", "Neu")).toEqual([{ kind: "ins", text: "Neu" }]);
    expect(diffText("Weg", "")).toEqual([{ kind: "del", text: "Weg" }]);
    expect(hasChanges(diffText("gleich", "gleich"))).toBe(false);
    expect(hasChanges(diffText("gleich", "anders"))).toBe(true);
  });

  it("stays correct (if coarse) for texts too different to diff finely", () => {
    const words = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(" ");
    const before = words(6000, "alt");
    const after = words(6000, "neu");
    const parts = diffText(before, after);
    expect(sides(parts)).toEqual({ before, after });
  });
});

describe("diffFields", () => {
  const labels = { slug: "Address", tags: "Tags", seoTitle: "SEO title" };

  it("lists only changed fields, in the labels' order, with an inline diff", () => {
    const changes = diffFields(
      { slug: "hafen-oeffnet", tags: ["Hafen", "Fähre"], seoTitle: "Gleich" },
      { slug: "hafen-oeffnet-wieder", tags: ["Hafen", "Fähre"], seoTitle: "Gleich" },
      labels,
    );
    expect(changes.map((c) => [c.key, c.label, c.before, c.after])).toEqual([["slug", "Address", "hafen-oeffnet", "hafen-oeffnet-wieder"]]);
    expect(changes[0].parts.filter((p) => p.kind === "ins").map((p) => p.text).join("")).toContain("wieder");
  });

  it("counts a reordered list and a value that appears or disappears as a change", () => {
    const changes = diffFields({ tags: ["A", "B"], seoTitle: null }, { tags: ["B", "A"], seoTitle: "Neu" }, labels);
    expect(changes.map((c) => c.key)).toEqual(["tags", "seoTitle"]);
    expect(changes[1]).toMatchObject({ before: "", after: "Neu" });
  });

  it("finds nothing when nothing changed", () => {
    expect(diffFields({ slug: "a" }, { slug: "a" }, labels)).toEqual([]);
  });
});
