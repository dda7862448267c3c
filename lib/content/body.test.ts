import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { Invalid } from "../errors";
import { bodyText, countWords, measureJson, parseBody, renderBody } from "./body";

const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content }) as JSONContent;

describe("renderBody", () => {
  it("renders the supported structure to HTML", () => {
    const html = renderBody(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Zwischentitel")] },
        p(text("Ein "), text("fettes", [{ type: "bold" }]), text(" und "), text("kursives", [{ type: "italic" }]), text(" Wort.")),
        { type: "bulletList", content: [{ type: "listItem", content: [p(text("Punkt eins"))] }] },
        { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [p(text("Erstens"))] }] },
        { type: "blockquote", content: [p(text("„Wir bleiben“, sagt sie."))] },
        p(text("Link", [{ type: "link", attrs: { href: "https://example.org/a?b=1&c=2" } }])),
      ),
    );
    expect(html).toContain("<h2>Zwischentitel</h2>");
    expect(html).toContain("<strong>fettes</strong>");
    expect(html).toContain("<em>kursives</em>");
    expect(html).toContain("<ul><li><p>Punkt eins</p></li></ul>");
    expect(html).toContain("<ol");
    expect(html).toContain("<blockquote><p>„Wir bleiben“, sagt sie.</p></blockquote>");
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">Link</a>');
  });

  it("escapes text that looks like markup", () => {
    const html = renderBody(doc(p(text('<script>alert(1)</script><img src=x onerror="alert(2)">'))));
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain("&lt;script&gt;");
  });
});

describe("parseBody", () => {
  it("refuses nodes the editor does not have", () => {
    expect(() => parseBody(doc({ type: "iframe", attrs: { src: "https://evil.example" } }))).toThrow(Invalid);
    expect(() => parseBody(doc({ type: "codeBlock", content: [text("x")] }))).toThrow(Invalid);
  });

  it("refuses marks the editor does not have", () => {
    expect(() => parseBody(doc(p(text("x", [{ type: "script" }]))))).toThrow(Invalid);
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "java\tscript:alert(1)", "vbscript:x"])(
    "refuses the link %s",
    (href) => {
      expect(() => parseBody(doc(p(text("click", [{ type: "link", attrs: { href } }]))))).toThrow(Invalid);
    },
  );

  it("refuses invalid nesting and non-documents", () => {
    expect(() => parseBody(doc(text("bare text at the top level")))).toThrow(Invalid);
    expect(() => parseBody({ type: "paragraph" })).toThrow(Invalid);
    expect(() => parseBody("<p>html</p>")).toThrow(Invalid);
    expect(() => parseBody(null)).toThrow(Invalid);
  });

  it("refuses absurdly deep nesting", () => {
    let node: unknown = p(text("tief"));
    for (let i = 0; i < 60; i++) node = { type: "blockquote", content: [node] };
    expect(() => parseBody(doc(node))).toThrow(Invalid);
  });
});

describe("plain text and counts", () => {
  it("counts German words with umlauts, ß and hyphenation", () => {
    expect(countWords("Die Straße wird für Bürger-Initiativen geöffnet.")).toBe(6);
  });
  it("extracts text per block", () => {
    expect(bodyText(parseBody(doc(p(text("Eins.")), p(text("Zwei.")))))).toBe("Eins.\n\nZwei.");
  });
});

describe("pull quotes and figures", () => {
  const figure = (attrs: Record<string, unknown>) => ({ type: "figure", attrs: { mediaId: 7, src: "/media/2026/11/abc/960.webp", srcset: "/media/2026/11/abc/480.webp 480w, /media/2026/11/abc/960.webp 960w", width: 960, height: 640, alt: "Die Fähre „Hanne“ am Anleger", caption: "Ankunft am Morgen", credit: "Foto: Jana Kühn", ...attrs } });

  it("renders a figure with its image, caption and credit, and a pull quote", () => {
    const html = renderBody(doc(figure({}), { type: "pullQuote", content: [p(text("„Wir bleiben hier.“"))] }));
    expect(html).toContain('<figure class="figure" data-media-id="7">');
    expect(html).toMatch(/<img src="\/media\/2026\/11\/abc\/960.webp" alt="Die Fähre „Hanne“ am Anleger"[^>]*srcset="\/media\/2026\/11\/abc\/480.webp 480w, \/media\/2026\/11\/abc\/960.webp 960w"/);
    expect(html).toContain('<span class="figure__caption">Ankunft am Morgen</span><span class="figure__credit">Foto: Jana Kühn</span>');
    expect(html).toContain('<blockquote class="pull-quote"><p>„Wir bleiben hier.“</p></blockquote>');
  });

  it("refuses figures whose image is not from the media library, or that lack alt text", () => {
    for (const src of ["https://evil.example/x.png", "javascript:alert(1)", "/media/../secrets", "//evil.example/media/x"]) {
      expect(() => parseBody(doc(figure({ src, srcset: "" })))).toThrow(Invalid);
    }
    expect(() => parseBody(doc(figure({ srcset: "https://evil.example/a.png 480w" })))).toThrow(Invalid);
    expect(() => parseBody(doc(figure({ alt: "  " })))).toThrow(Invalid);
  });

  it("refuses figure attributes of the wrong type with a validation error, not a crash", () => {
    for (const attrs of [{ alt: {} }, { alt: 5 }, { srcset: 5 }, { caption: ["x"] }, { credit: null }, { src: { toString: () => "/media/a" } }, { mediaId: "7" }, { width: "960 onload=x" }, { height: -1 }]) {
      expect(() => parseBody(doc(figure(attrs))), JSON.stringify(attrs)).toThrow(Invalid);
    }
  });

  it("escapes caption and credit text", () => {
    const html = renderBody(doc(figure({ caption: '<img src=x onerror="alert(1)">', credit: "</figcaption><script>alert(2)</script>" })));
    expect(html).not.toMatch(/<script|<img src="?x/i);
    expect(html).toContain("&lt;img src=x onerror=");
  });
});

describe("measureJson", () => {
  it("measures size and nesting without recursion, so a body thousands of levels deep is refused, not a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(measureJson(deep, 2_000_000)).toBe("tooDeep");
    expect(measureJson(doc(p(text("kurz"))), 2_000_000)).toBe("ok");
    expect(measureJson(doc(p(text("x".repeat(3_000_000)))), 2_000_000)).toBe("tooLong");
    for (const odd of [BigInt(1), new Date(0), new Map(), () => 1]) expect(measureJson({ type: "doc", attrs: { odd } }, 2_000_000)).toBe("unreadable");
  });
});
