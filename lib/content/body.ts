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

export { countWords, readingMinutes, EMPTY_BODY } from "./words";

export type BodyJSON = JSONContent;

// Built once per process: building a schema per call is the expensive part.
const schema = getSchema(articleExtensions);

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
  allowedTags: ["p", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "hr", "br", "figure", "figcaption", "img", "span"],
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start"],
    figure: ["data-media-id"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
  },
  allowedClasses: { blockquote: ["pull-quote"], figure: ["figure"], span: ["figure__caption", "figure__credit"] },
  allowedSchemes: ["http", "https", "mailto"],
  // Images only from our own media path; anything else loses its source.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  transformTags: {
    img: (tagName, attribs) => ({
      tagName,
      attribs: MEDIA_PATH.test(attribs.src ?? "") ? attribs : ({} as Record<string, string>),
    }),
    a: (tagName, attribs) => ({
      tagName,
      attribs: isSafeHref(attribs.href) ? { href: attribs.href, rel: "noopener noreferrer" } : ({} as Record<string, string>),
    }),
  },
};

/** Renders a validated body to the HTML readers get. Runs at publish time, never per request. */
export function renderBody(body: PMNode | BodyJSON): string {
  const node = "type" in body && typeof body.type === "object" ? (body as PMNode) : parseBody(body);
  const html = renderToHTMLString({ content: node, extensions: articleExtensions });
  return sanitizeHtml(html, SANITIZE);
}

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
