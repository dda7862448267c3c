// Characters XML 1.0 cannot carry at all, not even as references (C0 controls other than tab and
// newlines, lone surrogates, U+FFFE/U+FFFF): a document containing one is not well-formed.
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

const ESCAPES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" };

/**
 * Escapes text for XML element content and attribute values. Characters XML cannot carry are
 * dropped: they are invisible, and keeping them would make the whole document unreadable. Line
 * ends a parser would normalise (CR; NEL and the Unicode line/paragraph separators in XML 1.1
 * parsers) go as character references, which no parser rewrites, so the text arrives as typed.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, "").replace(/[<>&'"\r\u0085\u2028\u2029]/g, reference);
}

/** For attribute values, where a parser also turns tabs and newlines into spaces. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/[\t\n]/g, reference);
}

const reference = (c: string) => ESCAPES[c] ?? `&#x${c.charCodeAt(0).toString(16)};`;

/** Escapes plain text for HTML (for feed fields that readers interpret as HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;", '"': "&quot;" })[c]!);
}

/**
 * An XML document (sitemaps). `tags`: the reader cache tags whose expiry changes it, named in
 * Surrogate-Key so that an edge purged by tag drops it with the pages it lists (scripts/serve.mjs
 * turns them into the edge's headers); untagged, an edge could only keep it for its max-age.
 */
export function xmlResponse(body: string, tags: readonly string[] = []): Response {
  const headers: Record<string, string> = { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=600" };
  if (tags.length) headers["surrogate-key"] = tags.join(" ");
  return new Response(body, { headers });
}
