import { listGonePaths } from "@/db/publications/gone";
import { listMovedPaths } from "@/db/publications/redirects";

/**
 * For the request proxy (proxy.ts): the unpublished articles' addresses (410 Gone) and the
 * moved articles' old addresses with where they lead now (308).
 */
export async function GET() {
  const [paths, moved] = await Promise.all([listGonePaths(), listMovedPaths()]);
  return Response.json({ paths, moved }, { headers: { "Cache-Control": "no-store" } });
}
