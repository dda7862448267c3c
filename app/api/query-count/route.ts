// How many SQL statements this server process has sent so far — only when it was started
// with COPYDESK_COUNT_QUERIES=1 (by `npm run bench`, which diffs it around one page request).
// Otherwise the route does not exist.
import { connection } from "next/server";
import { queriesSent } from "@/db/query-count";

export async function GET() {
  await connection(); // never prerendered: the count is this moment's
  const count = queriesSent();
  if (count === null) return new Response("Not found", { status: 404 });
  return Response.json({ count }, { headers: { "Cache-Control": "no-store" } });
}
