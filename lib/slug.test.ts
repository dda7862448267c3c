import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Kämpfer", "kaempfer"],
    ["Straße der Einheit", "strasse-der-einheit"],
    ["Öffentliche Übung für Ärzte", "oeffentliche-uebung-fuer-aerzte"],
    ["„Wir bleiben“, sagt die Bürgermeisterin", "wir-bleiben-sagt-die-buergermeisterin"],
    ["Café au lait & Crème brûlée", "cafe-au-lait-und-creme-brulee"],
    ["  --Hello,   World!--  ", "hello-world"],
    ["GROSSE ÄNDERUNG", "grosse-aenderung"],
  ])("%s → %s", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("returns an empty string when nothing usable is left", () => {
    expect(slugify("!!! ???")).toBe("");
  });

  it("cuts long headlines at a word boundary", () => {
    const slug = slugify("Die Stadtverordnetenversammlung beschließt nach langer Debatte einen neuen Haushalt für das kommende Jahr");
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith("-")).toBe(false);
    expect("die-stadtverordnetenversammlung-beschliesst-nach-langer-debatte-einen-neuen-haushalt-fuer").toContain(slug);
  });
});
