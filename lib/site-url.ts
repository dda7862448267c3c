// The site's public origin for absolute URLs (canonical, Open Graph, JSON-LD, feeds).
// Cached reader pages can't read the request's host, so it is configuration:
// COPYDESK_SITE_URL, else AUTH_URL, else http://localhost:{PORT}. Route handlers, which do
// see the request, may pass its headers as the last resort.
export function siteOrigin(headers?: { get(name: string): string | null }): string {
  const configured = (process.env.COPYDESK_SITE_URL || process.env.AUTH_URL)?.trim();
  if (configured) return new URL(configured).origin;
  const host = headers ? (headers.get("x-forwarded-host") ?? headers.get("host")) : null;
  if (!host || !headers) return `http://localhost:${process.env.PORT || 3000}`;
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}
