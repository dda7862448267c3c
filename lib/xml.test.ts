import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { escapeXml, escapeXmlAttribute } from "./xml";

describe("escapeXml", () => {
  it("keeps any typed text readable as XML: markup as text, line ends as typed, unrepresentable characters dropped", () => {
    const typed = "a]]>b <c> & \"d\" 'e' \r\n\u2028\u2029\u0085 „Größe“ 😀";
    const xml = `<t a="${escapeXmlAttribute(`${typed}\t`)}">${escapeXml(`${typed}\u0000\u0007\uffff`)}</t>`;
    const root = new DOMParser().parseFromString(xml, "text/xml").documentElement!;
    expect(root.textContent).toBe(typed);
    expect(root.getAttribute("a")).toBe(`${typed}\t`);
  });
});
