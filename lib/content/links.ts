// Only web and mail links are allowed in article bodies: no javascript:, data:, vbscript: …
const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const trimmed = href.trim();
  if (trimmed === "" || trimmed.length > 2048) return false;
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so reject them outright.
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return false;
  // Paths on this site, e.g. the short link of another article ("/a/42"); never "//host".
  if (trimmed.startsWith("/")) return /^\/(?![\/\\])[^\s\\]*$/.test(trimmed);
  try {
    return SAFE_PROTOCOLS.has(new URL(trimmed).protocol);
  } catch {
    return false;
  }
}
