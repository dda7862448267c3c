// RSS 2.0 and Atom documents for the reader site's feeds (app/feeds/[...path]/route.ts).
//
// Written here rather than with the `feed` package (6.0.0), which wraps text in CDATA without
// splitting "]]>" (a headline containing it ended the section and injected elements into the
// item), wrote Atom categories as an unescaped `label` instead of `term` (a tag name with "<"
// made every Atom feed it appeared in malformed), and sent headline and standfirst as HTML
// (`type="html"`), so markup a person typed as text reached feed readers as markup. Here every
// value is escaped as XML text (no CDATA), headline and standfirst go out as text, and the only
// HTML is the sanitized body, in the elements meant for HTML (db/security/feeds.test.ts).
import { escapeHtml, escapeXml, escapeXmlAttribute } from "@/lib/xml";

export type FeedEntry = {
  id: number;
  sectionSlug: string;
  sectionName: string;
  slug: string;
  headline: string;
  standfirst: string;
  bodyHtml: string;
  bylines: { name: string; slug: string }[];
  tags: { name: string; slug: string }[];
  publishedAt: Date;
  updatedAt: Date;
  /** Where the item lives and its id, when it is not an article of its own (a live blog's entry: its permalink). */
  permalink?: string;
};

export type FeedScope = { kind: "site" } | { kind: "section" | "tag" | "author" | "live"; name: string };

export type FeedDocumentInput = {
  format: "rss" | "atom";
  /** The feed's own address. */
  self: string;
  origin: string;
  language: string;
  scope: FeedScope;
  labels: { tagline: string; copyright: string; tagKicker: string };
  /** Full text (the sanitized body) or only the standfirst. */
  fullText: boolean;
  items: FeedEntry[];
};

export function feedTitle(scope: FeedScope, tagKicker: string): string {
  if (scope.kind === "site") return "Copydesk";
  return scope.kind === "tag" ? `Copydesk – ${tagKicker}: ${scope.name}` : `Copydesk – ${scope.name}`;
}

export function feedDocument(input: FeedDocumentInput): string {
  return input.format === "rss" ? rss(input) : atom(input);
}

/** An element with escaped text content and escaped attributes. */
function el(name: string, text: string | null, attrs: Record<string, string> = {}): string {
  const attributes = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXmlAttribute(v)}"`)
    .join("");
  return text === null ? `<${name}${attributes}/>` : `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

const articleUrl = (origin: string, item: FeedEntry) => item.permalink ?? `${origin}/${item.sectionSlug}/${item.slug}`;
const itemId = (origin: string, item: FeedEntry) => item.permalink ?? `${origin}/a/${item.id}`;

/**
 * The article body as feed readers get it: the sanitized HTML without the embed placeholders'
 * data-embed-* attributes (the frame address and provider are for the site's consent script; a
 * feed reader shows the placeholder's link to the original instead).
 */
export function feedBody(bodyHtml: string): string {
  return bodyHtml.replace(/<figure\b[^>]*>/g, (tag) => tag.replace(/\sdata-embed-[a-z-]+="[^"]*"/g, ""));
}

// RSS 2.0: <title> is text; <description> and <content:encoded> are HTML by convention, so the
// standfirst is escaped as HTML first (a reader shows "<b>" as typed, never as bold) and the
// body goes as the sanitized HTML it is — each then escaped as XML text.
function rss({ self, origin, language, scope, labels, fullText, items }: FeedDocumentInput): string {
  const head = [
    el("title", feedTitle(scope, labels.tagKicker)),
    el("link", `${origin}/`),
    el("description", labels.tagline),
    el("language", language),
    el("copyright", labels.copyright),
    el("generator", "Copydesk"),
    el("lastBuildDate", (items[0]?.updatedAt ?? new Date(0)).toUTCString()),
    el("atom:link", null, { href: self, rel: "self", type: "application/rss+xml" }),
  ];
  const entries = items.map((item) =>
    [
      "<item>",
      el("title", item.headline),
      el("link", articleUrl(origin, item)),
      el("guid", itemId(origin, item), { isPermaLink: "true" }),
      el("pubDate", item.publishedAt.toUTCString()),
      item.standfirst ? el("description", escapeHtml(item.standfirst)) : "",
      fullText ? el("content:encoded", feedBody(item.bodyHtml)) : "",
      ...item.bylines.map((b) => el("dc:creator", b.name)),
      ...[item.sectionName, ...item.tags.map((t) => t.name)].map((name) => el("category", name)),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">',
    `<channel>${head.join("")}`,
    ...entries,
    "</channel>",
    "</rss>",
  ].join("\n");
}

// Atom (RFC 4287): text constructs are type="text" (the default) for everything a person typed as
// text; only <content> is type="html", holding the sanitized body escaped as XML text.
function atom({ self, origin, scope, labels, fullText, items }: FeedDocumentInput): string {
  const head = [
    el("id", self),
    el("title", feedTitle(scope, labels.tagKicker)),
    el("subtitle", labels.tagline),
    el("updated", (items[0]?.updatedAt ?? new Date(0)).toISOString()),
    el("link", null, { rel: "alternate", href: `${origin}/` }),
    el("link", null, { rel: "self", href: self }),
    el("rights", labels.copyright),
    el("generator", "Copydesk"),
  ];
  const entries = items.map((item) =>
    [
      "<entry>",
      el("id", itemId(origin, item)),
      el("title", item.headline),
      el("link", null, { rel: "alternate", href: articleUrl(origin, item) }),
      el("published", item.publishedAt.toISOString()),
      el("updated", item.updatedAt.toISOString()),
      ...item.bylines.map((b) => `<author>${el("name", b.name)}${el("uri", `${origin}/authors/${b.slug}`)}</author>`),
      item.standfirst ? el("summary", item.standfirst) : "",
      fullText ? el("content", feedBody(item.bodyHtml), { type: "html" }) : "",
      ...[item.sectionName, ...item.tags.map((t) => t.name)].map((name) => el("category", null, { term: name })),
      "</entry>",
    ].join(""),
  );
  return ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">', ...head, ...entries, "</feed>"].join("\n");
}
