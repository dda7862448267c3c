import { listGonePaths } from "@/db/publications/gone";

/** The unpublished articles' addresses, for the request proxy's 410 answers (see proxy.ts). */
export async function GET() {
  const paths = await listGonePaths();
  return Response.json({ paths }, { headers: { "Cache-Control": "no-store" } });
}
