import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { Invalid } from "../errors";
import { parseBody, renderBody } from "./body";

const text = (t: string) => ({ type: "text", text: t });
const p = (...content: unknown[]) => ({ type: "paragraph", content });
const doc = (...content: unknown[]) => ({ type: "doc", content }) as JSONContent;
const embed = (attrs: Record<string, unknown>) => ({
  type: "embed",
  attrs: { provider: "youtube", id: "dQw4w9WgXcQ", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ", caption: "", credit: "", ...attrs },
});
const problem = (body: JSONContent) => {
  try {
    parseBody(body);
    return null;
  } catch (error) {
    return error instanceof Invalid ? error.fieldErrors.body?.[0] : String(error);
  }
};

describe("embeds in the body", () => {
  it("renders a placeholder that loads nothing: provider, link to the original, caption and credit", () => {
    const html = renderBody(doc(embed({ caption: "Die Rede im Wortlaut – „Wir schaffen das“", credit: "Quelle: Bundesregierung" })));
    expect(html).toContain('data-embed-provider="youtube"');
    expect(html).toContain('data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"');
    expect(html).toContain('<p class="embed__provider">YouTube</p>');
    expect(html).toContain('<a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">www.youtube.com/watch?v=dQw4w9WgXcQ</a>');
    expect(html).toContain('<span class="embed__caption">Die Rede im Wortlaut – „Wir schaffen das“</span>');
    expect(html).toContain('<span class="embed__credit">Quelle: Bundesregierung</span>');
    expect(html).not.toMatch(/<iframe|<script/i);
  });

  it.each([
    ["another host in the URL", { url: "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ" }],
    ["a javascript: URL", { url: "javascript:alert(1)" }],
    ["a data: URL", { url: "data:text/html,<script>alert(1)</script>" }],
    ["an unknown provider", { provider: "evil" }],
    ["a provider that does not match the URL", { provider: "vimeo" }],
    ["an id that does not match the URL", { id: "AAAAAAAAAAA" }],
    ["a non-canonical URL", { url: "https://youtu.be/dQw4w9WgXcQ" }],
    ["an id smuggling a path", { id: "../../evil.example/x" }],
    ["a caption that is not text", { caption: { html: "<b>" } }],
  ])("refuses a crafted embed with %s", (_, attrs) => {
    expect(problem(doc(embed(attrs)))).toMatch(/^validation\.(embedSource|bodyUnsupported)$/);
  });

  it("refuses a caption longer than 500 characters", () => {
    expect(problem(doc(embed({ caption: "x".repeat(501) })))).toBe("validation.embedTextTooLong");
  });

  it("escapes caption and credit", () => {
    const html = renderBody(doc(embed({ caption: '<img src=x onerror="alert(1)">', credit: '"><script>alert(2)</script>' })));
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).toContain("&lt;img src=x");
  });
});

const cell = (type: "tableCell" | "tableHeader", t: string, attrs: Record<string, unknown> = {}) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null, ...attrs },
  content: [p(text(t))],
});
const row = (...cells: unknown[]) => ({ type: "tableRow", content: cells });
const table = (caption: unknown, ...rows: unknown[]) => ({ type: "table", attrs: { caption }, content: rows });

describe("tables in the body", () => {
  const results = table(
    "Wahlergebnis in Köln",
    row(cell("tableHeader", "Partei"), cell("tableHeader", "Stimmen"), cell("tableHeader", "Anteil")),
    row(cell("tableHeader", "Grüne"), cell("tableCell", "120.345"), cell("tableCell", "28,1 %")),
    row(cell("tableHeader", "SPD"), cell("tableCell", "98.765", { colspan: 2 })),
  );

  it("renders caption, a header row with column scope, row headers and a scrolling box", () => {
    const html = renderBody(doc(results));
    expect(html).toBe(
      '<div class="table-scroll" role="region" tabindex="0" aria-label="Wahlergebnis in Köln"><table><caption>Wahlergebnis in Köln</caption>' +
        '<thead><tr><th scope="col"><p>Partei</p></th><th scope="col"><p>Stimmen</p></th><th scope="col"><p>Anteil</p></th></tr></thead>' +
        '<tbody><tr><th scope="row"><p>Grüne</p></th><td><p>120.345</p></td><td><p>28,1 %</p></td></tr>' +
        '<tr><th scope="row"><p>SPD</p></th><td colspan="2"><p>98.765</p></td></tr></tbody></table></div>',
    );
  });

  it("escapes the caption", () => {
    const html = renderBody(doc(table('"><script>alert(1)</script>', row(cell("tableCell", "a")))));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<caption>"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</caption>');
  });

  it.each([
    ["a caption that is not text", table(42, row(cell("tableCell", "a")))],
    ["a huge colspan", table("", row(cell("tableCell", "a", { colspan: 1e9 })))],
    ["an alignment outside left/center/right", table("", row(cell("tableCell", "a", { align: "x;background:url(evil)" })))],
    ["a row outside a table", row(cell("tableCell", "a"))],
  ])("refuses %s", (_, node) => {
    expect(problem(doc(node as JSONContent))).toBe("validation.bodyUnsupported");
  });
});
