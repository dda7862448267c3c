import { describe, expect, it } from "vitest";
import { wantsPlainHtml, withoutFrameworkScripts } from "./reader-html.mjs";

// The shape of a reader page as Next 16 sends it (chunk names shortened).
const page = [
  '<!DOCTYPE html><html lang="de" data-reader=""><head><meta charSet="utf-8"/>',
  '<link rel="preload" as="image" imageSrcSet="/media/a/w480.webp 480w" fetchPriority="high"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/44kh.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/1m_t.js"/>',
  '<script src="/_next/static/chunks/3jua.js" async=""></script>',
  '<script src="/_next/static/chunks/0cz1.js" noModule=""></script>',
  '<script async="" src="/reader.js"></script>',
  '<title>Kämpfer „gewinnt“ · Copydesk</title></head><body>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  '<main><p>Straße &amp; Brücke</p><script type="application/ld+json">{"@type":"NewsArticle","headline":"Kämpfer"}</script></main>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>',
  "</body></html>",
].join("");

describe("reader pages without Next's runtime", () => {
  it("recognises only pages that opted in", () => {
    expect(wantsPlainHtml(page)).toBe(true);
    expect(wantsPlainHtml(page.replace(' data-reader=""', ""))).toBe(false);
    expect(wantsPlainHtml('<html lang="de" data-readerish="x">')).toBe(false);
  });

  it("drops Next's chunks, payload, chunk list and script preloads", () => {
    const plain = withoutFrameworkScripts(page);
    expect(plain).not.toContain("/_next/static/chunks/3jua.js");
    expect(plain).not.toContain("/_next/static/chunks/0cz1.js");
    expect(plain).not.toContain("/_next/static/chunks/1m_t.js");
    expect(plain).not.toContain("__next_f");
    expect(plain).not.toContain("TURBOPACK");
  });

  it("keeps the page's own scripts, styles, image preload and text byte for byte", () => {
    const plain = withoutFrameworkScripts(page);
    expect(plain).toContain('<script async="" src="/reader.js"></script>');
    expect(plain).toContain('<script type="application/ld+json">{"@type":"NewsArticle","headline":"Kämpfer"}</script>');
    expect(plain).toContain('<link rel="stylesheet" href="/_next/static/chunks/44kh.css" data-precedence="next"/>');
    expect(plain).toContain('<link rel="preload" as="image" imageSrcSet="/media/a/w480.webp 480w" fetchPriority="high"/>');
    expect(plain).toContain("<title>Kämpfer „gewinnt“ · Copydesk</title>");
    expect(plain).toContain("<main><p>Straße &amp; Brücke</p>");
    expect(plain.endsWith("</body></html>")).toBe(true);
  });
});
