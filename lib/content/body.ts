// Server-side handling of an article body (TipTap JSON): validate against the shared
// schema, render to sanitized HTML, and derive plain text and word counts.
import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import sanitizeHtml from "sanitize-html";
import { Invalid } from "../errors";
import { articleExtensions } from "./extensions";
import { isSafeHref } from "./links";
import { MEDIA_PATH, type FigureAttrs } from "./nodes";
import { checkEmbedAttrs } from "./embed-node";
import { embedFrameOrigin } from "./embed-origins.mjs";
import { isEmbedProvider } from "./embeds";
import { tableAttrsWellTyped } from "./table";

export { countWords, readingMinutes, EMPTY_BODY } from "./words";

export type BodyJSON = JSONContent;

// Built once per process: building a schema per call is the expensive part.
const schema = getSchema(articleExtensions);
/** The ProseMirror schema of the shared extension list (for code that converts, e.g. the collaboration document). */
export const articleSchema = schema;

const MAX_DEPTH = 40;
/** JSON nesting a body of MAX_DEPTH nodes needs at most (node → content → node …, plus marks and attrs). */
const MAX_JSON_DEPTH = MAX_DEPTH * 2 + 10;

export type JsonMeasure = "ok" | "tooDeep" | "tooLong" | "unreadable";

/**
 * Nesting and serialized size of untrusted JSON, measured without recursion, so a body nested
 * thousands of levels deep is refused instead of overflowing the stack (JSON.stringify and the
 * schema's own parser recurse). Anything JSON cannot carry — BigInt, functions, Dates, Maps,
 * which React's action decoder can produce — is "unreadable".
 */
export function measureJson(value: unknown, maxChars: number, maxDepth = MAX_JSON_DEPTH): JsonMeasure {
  const stack: [unknown, number][] = [[value, 1]];
  let chars = 0;
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (depth > maxDepth) return "tooDeep";
    if (v === null || v === undefined) chars += 4;
    else if (typeof v === "string") chars += v.length + 2;
    else if (typeof v === "number" || typeof v === "boolean") chars += String(v).length;
    else if (Array.isArray(v)) {
      chars += 2;
      for (const item of v) stack.push([item, depth + 1]);
    } else if (typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      for (const [key, item] of Object.entries(v)) {
        chars += key.length + 4;
        stack.push([item, depth + 1]);
      }
    } else return "unreadable";
    if (chars > maxChars) return "tooLong";
  }
  return "ok";
}

/** Validates untrusted body JSON. Unknown nodes or marks, bad nesting and unsafe links are refused. */
export function parseBody(json: unknown): PMNode {
  if (!json || typeof json !== "object" || (json as { type?: unknown }).type !== "doc") {
    throw new Invalid({ body: ["validation.bodyUnreadable"] });
  }
  let node: PMNode;
  try {
    node = schema.nodeFromJSON(json);
    node.check();
  } catch {
    throw new Invalid({ body: ["validation.bodyUnsupported"] });
  }
  let problem: string | null = null;
  node.descendants((child) => {
    if (problem) return false;
    if (child.type.name === "figure") {
      const a = child.attrs as FigureAttrs;
      if (!figureAttrsWellTyped(a)) {
        problem = "validation.bodyUnsupported";
      } else if (!MEDIA_PATH.test(a.src) || (a.srcset && !a.srcset.split(",").every((c) => MEDIA_PATH.test(c.trim().split(/\s+/)[0] ?? "")))) {
        problem = "validation.figureSource";
      } else if (!a.alt.trim()) {
        problem = "validation.figureAlt";
      }
    }
    if (child.type.name === "embed") {
      const checked = checkEmbedAttrs(child.attrs);
      if (checked === "source") problem = "validation.embedSource";
      else if (checked === "text") problem = "validation.embedTextTooLong";
    }
    if (!tableAttrsWellTyped(child)) problem = "validation.bodyUnsupported";
    for (const mark of child.marks) {
      if (mark.type.name === "link" && !isSafeHref(mark.attrs.href)) {
        problem = "validation.bodyLinkProtocol";
      }
    }
    return true;
  });
  if (depth(node) > MAX_DEPTH) problem = "validation.bodyTooDeep";
  if (problem) throw new Invalid({ body: [problem] });
  return node;
}

/** Figure attributes arrive as untrusted JSON: words are strings, the id a whole number, sizes numbers (or null). */
function figureAttrsWellTyped(a: Record<string, unknown>): boolean {
  const size = (v: unknown) => v === null || (typeof v === "number" && v > 0 && v <= 100_000);
  const id = a.mediaId === null || (typeof a.mediaId === "number" && Number.isSafeInteger(a.mediaId) && a.mediaId > 0);
  return id && size(a.width) && size(a.height) && ["src", "srcset", "alt", "caption", "credit"].every((k) => typeof a[k] === "string");
}

function depth(node: PMNode): number {
  let max = 0;
  node.forEach((child) => {
    max = Math.max(max, depth(child));
  });
  return max + 1;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    ...["p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "hr", "br", "figure", "figcaption", "img", "span", "div"],
    ...["table", "caption", "thead", "tbody", "tr", "th", "td"],
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start"],
    figure: ["data-media-id", "data-embed-provider", "data-embed-src", "data-embed-url"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    div: ["role", "tabindex", "aria-label"],
    th: ["scope", "colspan", "rowspan"],
    td: ["colspan", "rowspan"],
  },
  allowedClasses: {
    blockquote: ["pull-quote"],
    figure: ["figure", "embed"],
    span: ["figure__caption", "figure__credit", "embed__caption", "embed__credit"],
    div: ["embed__placeholder", "table-scroll"],
    p: ["embed__provider", "embed__original"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  // Images only from our own media path; anything else loses its source.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    img: (tagName, attribs) => ({
      tagName,
      attribs: MEDIA_PATH.test(attribs.src ?? "") ? attribs : ({} as Record<string, string>),
    }),
    // An embed keeps its frame address only if it is a known provider's; the reader script loads nothing else.
    figure: (tagName, attribs) => {
      if (!("data-embed-src" in attribs) && !("data-embed-provider" in attribs) && !("data-embed-url" in attribs)) return { tagName, attribs };
      const { "data-embed-src": src, "data-embed-provider": provider, "data-embed-url": url, ...rest } = attribs;
      const ok = embedFrameOrigin(src) && isEmbedProvider(provider) && isSafeHref(url);
      return { tagName, attribs: ok ? { ...rest, "data-embed-src": src!, "data-embed-provider": provider!, "data-embed-url": url! } : rest };
    },
    div: (tagName, attribs) => {
      const { role, ...rest } = attribs;
      return { tagName, attribs: role === undefined || role === "region" ? attribs : rest };
    },
    th: (tagName, attribs) => {
      const { scope, ...rest } = attribs;
      return { tagName, attribs: scope === undefined || scope === "col" || scope === "row" ? attribs : rest };
    },
    a: (tagName, attribs) => ({
      tagName,
      attribs: isSafeHref(attribs.href) ? { href: attribs.href, rel: "noopener noreferrer" } : ({} as Record<string, string>),
    }),
  },
};

/** Renders a validated body to the HTML readers get. Runs at publish time, never per request. */
export function renderBody(body: PMNode | BodyJSON): string {
  const node = "type" in body && typeof body.type === "object" ? (body as PMNode) : parseBody(body);
  const html = renderToHTMLString({ content: node, extensions: articleExtensions, options: { nodeMapping: TABLE_MAPPING } });
  return sanitizeHtml(html, SANITIZE);
}

const escapeAttr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const join = (children: string | string[] | undefined) => (Array.isArray(children) ? children.join("") : (children ?? ""));
const spans = (node: PMNode) =>
  ["colspan", "rowspan"].map((k) => (Number(node.attrs[k]) > 1 ? ` ${k}="${Number(node.attrs[k])}"` : "")).join("");
const allHeaders = (row: PMNode | null | undefined) => !!row && row.childCount > 0 && row.content.content.every((c) => c.type.name === "tableHeader");

/**
 * Readers' tables: a caption, leading rows of header cells as <thead> with scope="col", a header
 * cell beside data cells as scope="row", and a focusable box that scrolls sideways on a phone.
 * No widths or inline styles: the page's CSS lays it out.
 */
const TABLE_MAPPING = {
  table: ({ node, children }: { node: PMNode; children?: string | string[] }) => {
    const rows = Array.isArray(children) ? children : [join(children)];
    let head = 0;
    while (head < node.childCount - 1 && allHeaders(node.child(head))) head++;
    const caption = typeof node.attrs.caption === "string" ? node.attrs.caption.trim() : "";
    const label = caption ? ` aria-label="${escapeAttr(caption)}"` : "";
    return (
      `<div class="table-scroll" role="region" tabindex="0"${label}><table>` +
      (caption ? `<caption>${escapeAttr(caption)}</caption>` : "") +
      (head > 0 ? `<thead>${rows.slice(0, head).join("")}</thead>` : "") +
      `<tbody>${rows.slice(head).join("")}</tbody></table></div>`
    );
  },
  tableRow: ({ children }: { children?: string | string[] }) => `<tr>${join(children)}</tr>`,
  tableHeader: ({ node, parent, children }: { node: PMNode; parent?: PMNode; children?: string | string[] }) =>
    `<th scope="${allHeaders(parent) ? "col" : "row"}"${spans(node)}>${join(children)}</th>`,
  tableCell: ({ node, children }: { node: PMNode; children?: string | string[] }) => `<td${spans(node)}>${join(children)}</td>`,
};

/** Plain text with paragraph breaks, for search, descriptions and counts. */
export function bodyText(body: PMNode): string {
  const blocks: string[] = [];
  body.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(node.textContent);
      return false;
    }
    return true;
  });
  return blocks.filter(Boolean).join("\n\n");
}
