import { isGonePath } from "@/db/publications/gone";
import { findSlugRedirect } from "@/db/publications/redirects";

/**
 * For the request proxy (proxy.ts): what an article address that is not live answers — 410
 * (an unpublished article's), 308 to where the article lives now (an old address), or neither
 * (`{}`: the page decides). One address per request: `?path=/{section}/{slug}`.
 */
export async function GET(request: Request) {
  const path = new URL(request.url).searchParams.get("path") ?? "";
  const parts = path.split("/");
  if (parts.length !== 3 || parts[0] !== "" || !parts[1] || !parts[2] || path.length > 600) {
    return Response.json({ error: "Expected ?path=/{section}/{slug}" }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const [, sectionSlug, slug] = parts;
  const movedTo = await findSlugRedirect(sectionSlug, slug);
  const body = movedTo ? { movedTo } : (await isGonePath(sectionSlug, slug)) ? { gone: true } : {};
  return Response.json(body, { headers: { "Cache-Control": "no-store" } });
}
