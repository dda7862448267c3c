// The site's public origin for absolute URLs (canonical, Open Graph, JSON-LD, feeds):
// COPYDESK_SITE_URL when set, else the request's own host.
export function siteOrigin(headers: { get(name: string): string | null }): string {
  const configured = configuredSiteOrigin();
  if (configured) return configured;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}

/** COPYDESK_SITE_URL without a trailing slash, or null when unset (for pages that read no request headers). */
export function configuredSiteOrigin(): string | null {
  const configured = process.env.COPYDESK_SITE_URL?.trim();
  return configured ? configured.replace(/\/$/, "") : null;
}
