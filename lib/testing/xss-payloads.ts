// Cross-site scripting payloads for the security suites (db/security/*.test.ts and
// e2e/security/*.spec.ts), written out after the public cheat sheets: OWASP's "XSS Filter
// Evasion", PortSwigger's "Cross-site scripting cheat sheet" and the mutation-XSS write-ups.
// Every payload that runs calls alert/confirm/prompt, so a browser test that listens for
// dialogs sees any execution. Test code only: nothing in the app imports this file.

export type XssPayload = { id: string; payload: string };

const p = (id: string, payload: string): XssPayload => ({ id, payload });

/** Markup payloads: for text fields (headline, captions, names, comments …) and text nodes. */
export const XSS_PAYLOADS: readonly XssPayload[] = [
  p("script-tag", "<script>alert(1)</script>"),
  p("script-src-upper", '<SCRIPT SRC="https://xss.example/x.js"></SCRIPT>'),
  p("script-nested", "<scr<script>ipt>alert(2)</scr</script>ipt>"),
  p("script-double-open", '<<SCRIPT>alert("XSS");//<</SCRIPT>'),
  p("img-quote-confusion", '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">'),
  p("img-onerror", "<img src=x onerror=alert(3)>"),
  p("img-onerror-backtick", "<img src=`x` onerror=alert(4)>"),
  p("img-js-src", "<IMG SRC=\"javascript:alert('XSS');\">"),
  p("img-mixed-case-src", "<IMG SRC=JaVaScRiPt:alert('XSS')>"),
  p(
    "img-decimal-entities",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
  ),
  p("img-hex-entities", "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>"),
  p("img-tab-entity", "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">"),
  p("img-newline-entity", "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">"),
  p("img-leading-control", "<IMG SRC=\" &#14;  javascript:alert('XSS');\">"),
  p("img-srcset", '<img srcset="javascript:alert(5) 1x">'),
  p("svg-onload", "<svg onload=alert(6)>"),
  p("svg-script", "<svg><script>alert(7)</script></svg>"),
  p("svg-xlink", '<svg><a xlink:href="javascript:alert(8)"><text x="20" y="20">XSS</text></a></svg>'),
  p("svg-animate", "<svg><animate onbegin=alert(9) attributeName=x dur=1s>"),
  p("svg-set-href", '<svg><a><set attributeName="href" to="javascript:alert(10)"/><text y="20">x</text></a></svg>'),
  p("math-href", '<math href="javascript:alert(11)">CLICK</math>'),
  p("math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(12)>"),
  p("iframe-js", '<iframe src="javascript:alert(13)"></iframe>'),
  p("iframe-srcdoc", '<iframe srcdoc="&lt;script&gt;alert(14)&lt;/script&gt;"></iframe>'),
  p("object-data-uri", '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxNSk8L3NjcmlwdD4="></object>'),
  p("object-js", '<object data="javascript:alert(16)"></object>'),
  p("embed-svg-data", '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMTcpPg==">'),
  p("a-js", '<a href="javascript:alert(18)">click</a>'),
  p("a-js-mixed-case", '<a href="JaVaScRiPt:alert(19)">click</a>'),
  p("a-js-entity", '<a href="&#106;avascript:alert(20)">click</a>'),
  p("a-js-named-colon", '<a href="javascript&colon;alert(21)">click</a>'),
  p("a-js-cr-entity", '<a href="java&#x0D;script:alert(22)">click</a>'),
  p("a-js-newline-named", '<a href="jav&NewLine;ascript&colon;alert(23)">click</a>'),
  p("a-data-html", '<a href="data:text/html,<script>alert(24)</script>">click</a>'),
  p("a-vbscript", '<a href="vbscript:msgbox(25)">click</a>'),
  p("a-leading-space", '<a href=" javascript:alert(26)">click</a>'),
  p("style-attr-url", '<div style="background-image: url(javascript:alert(27))">x</div>'),
  p("style-attr-expression", '<div style="width: expression(alert(28));">x</div>'),
  p("style-import", "<style>@import 'https://xss.example/x.css';</style>"),
  p("style-list-image", "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>"),
  p("template-breakout", "<template><script>alert(29)</script></template><template><img src=x onerror=alert(30)></template>"),
  p("noscript-breakout", '<noscript><p title="</noscript><img src=x onerror=alert(31)>">'),
  p("attr-breakout-double", '"><script>alert(32)</script>'),
  p("attr-breakout-single", "'><img src=x onerror=alert(33)>"),
  p("attr-inject-handler", '" onmouseover="alert(34)" x="'),
  p("attr-inject-autofocus", "' autofocus onfocus='alert(35)' x='"),
  p("textarea-breakout", "</textarea><script>alert(36)</script>"),
  p("title-breakout", "</title><script>alert(37)</script>"),
  p("script-breakout", "</script><script>alert(38)</script>"),
  p("line-separator-breakout", "\u2028\u2029</script><script>alert(39)</script>"),
  p("comment-breakout", '<!--<img src="--><img src=x onerror=alert(40)//">'),
  p("cdata", "<![CDATA[<script>alert(41)</script>]]>"),
  p("body-onload", "<body onload=alert(42)>"),
  p("details-ontoggle", "<details open ontoggle=alert(43)>"),
  p("input-autofocus", "<input autofocus onfocus=alert(44)>"),
  p("select-autofocus", "<select autofocus onfocus=alert(45)></select>"),
  p("video-source-onerror", '<video><source onerror="alert(46)"></video>'),
  p("audio-onerror", "<audio src=x onerror=alert(47)>"),
  p("custom-element-focusin", "<xss id=x tabindex=1 onfocusin=alert(48)></xss>"),
  p("marquee-onstart", "<marquee onstart=alert(49)>x</marquee>"),
  p("form-action", '<form action="javascript:alert(50)"><button>x</button></form>'),
  p("button-formaction", '<button formaction="javascript:alert(51)">x</button>'),
  p("base-href", '<base href="javascript:alert(52)//">'),
  p("meta-refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(53)">'),
  p("link-stylesheet", '<link rel="stylesheet" href="javascript:alert(54)">'),
  p("table-background", '<table background="javascript:alert(55)"><tr><td>x</td></tr></table>'),
  p("frameset-onload", "<frameset onload=alert(56)>"),
  p("handler-unicode-escape", "<img src=1 onerror=\\u0061lert(57)>"),
  p("json-unicode-escape", "\\u003cscript\\u003ealert(58)\\u003c/script\\u003e"),
  p("fullwidth-brackets", "＜script＞alert(59)＜/script＞"),
  p("url-encoded", "%3Cscript%3Ealert(60)%3C%2Fscript%3E"),
  p("template-injection", "{{constructor.constructor('alert(61)')()}}"),
  p("xml-stylesheet-pi", '<?xml-stylesheet href="javascript:alert(62)"?>'),
];

/** URL payloads: for link hrefs, image sources, related-link addresses and URL parameters. */
export const XSS_URLS: readonly XssPayload[] = [
  p("js", "javascript:alert(101)"),
  p("js-mixed-case", "JaVaScRiPt:alert(102)"),
  p("js-leading-space", "  javascript:alert(103)"),
  p("js-tab", "java\tscript:alert(104)"),
  p("js-newline", "java\nscript:alert(105)"),
  p("js-control-prefix", "\u0001javascript:alert(106)"),
  p("js-entity-decimal", "&#106;avascript:alert(107)"),
  p("js-entity-hex", "&#x6A;&#x61;&#x76;&#x61;script:alert(108)"),
  p("js-entity-colon", "javascript&colon;alert(109)"),
  p("js-percent", "javascript%3Aalert(110)"),
  p("js-comment", "javascript://%0Aalert(111)"),
  p("data-html", "data:text/html,<script>alert(112)</script>"),
  p("data-html-base64", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMTMpPC9zY3JpcHQ+"),
  p("data-svg", "data:image/svg+xml,<svg onload=alert(114)>"),
  p("vbscript", "vbscript:msgbox(115)"),
  p("vbscript-upper", "VBSCRIPT:msgbox(116)"),
  p("protocol-relative", "//xss.example/x.js"),
  p("backslash-relative", "/\\xss.example/x.js"),
  p("file", "file:///etc/passwd"),
  p("blob", "blob:https://xss.example/uuid"),
];

export const ALL_XSS = [...XSS_PAYLOADS, ...XSS_URLS];

// ---------------------------------------------------------------------------------------------
// A detector for active content in HTML that Copydesk produced (sanitized snapshots, feeds).
// Deliberately independent of the sanitizer it checks: its own tag scanner and its own lists.

/** Elements the article body may contain; anything else in stored HTML counts as active. */
const SAFE_TAGS = new Set(["p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "hr", "br", "figure", "figcaption", "img", "span"]);
const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "background", "poster", "data", "codebase", "dynsrc", "lowsrc"]);
const FORBIDDEN_ATTRIBUTES = new Set(["style", "srcdoc", "formaction", "action", "xlink:href", "background", "http-equiv"]);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", colon: ":", tab: "\t", newline: "\n", nbsp: "\u00a0" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** True when a URL value would run script or load a document of its own when followed. */
export function isActiveUrl(raw: string): boolean {
  // Browsers drop whitespace and control characters inside the scheme, and decode entities first.
  const url = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
  if (scheme) return !["http", "https", "mailto"].includes(scheme);
  return url.startsWith("//") || url.startsWith("/\\") || url.startsWith("\\");
}

/**
 * Every piece of active content in `html`: script-capable elements, event handlers, style and
 * srcdoc attributes, and javascript:/data:/vbscript: (or any non-web) URLs. Empty: clean.
 * Any "<" that does not start a well-formed tag is reported too (fail closed), as escaped
 * text always reads "&lt;".
 */
export function findActiveContent(html: string): string[] {
  const found: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
  const attribute = /\s+([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let i = html.indexOf("<"); i !== -1; i = html.indexOf("<", i + 1)) {
    if (html.startsWith("<!--", i) || html.startsWith("<!", i) || html.startsWith("<?", i)) {
      found.push(`markup declaration at ${i}`);
      continue;
    }
    tag.lastIndex = i;
    const m = tag.exec(html);
    if (!m) {
      found.push(`unparsed "<" at ${i}: ${JSON.stringify(html.slice(i, i + 40))}`);
      continue;
    }
    const name = m[2].toLowerCase();
    if (!SAFE_TAGS.has(name)) found.push(`<${m[1]}${name}>`);
    for (const a of m[3].matchAll(attribute)) {
      const attr = a[1].toLowerCase();
      const value = a[2] ?? a[3] ?? a[4] ?? "";
      if (attr.startsWith("on")) found.push(`${name}[${attr}]`);
      else if (FORBIDDEN_ATTRIBUTES.has(attr)) found.push(`${name}[${attr}]`);
      if (URL_ATTRIBUTES.has(attr)) {
        const urls = attr === "srcset" ? value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "") : [value];
        for (const url of urls) if (isActiveUrl(url)) found.push(`${name}[${attr}=${JSON.stringify(url)}]`);
      }
    }
  }
  return found;
}
