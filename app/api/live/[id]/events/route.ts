// A running live blog's open pages hear here, as Server-Sent Events, the moment the blog changed
// (an entry published, edited, pinned or removed; the blog ended). The event carries nothing but
// the news: the page then asks /api/live/{id} what changed, which the front cache answers from
// memory. So readers see an entry within a round trip of the publish instead of within their next
// poll, and an idle page costs one open connection instead of a request a second. public/live.js
// keeps a slow poll as a safety net and falls back to polling every second when the stream fails
// (a proxy that buffers, a browser without EventSource). Measured against polling: npm run bench
// (the live case runs both).
import { z } from "zod";
import { getVisibleLiveBlog } from "@/db/live/queries";
import { isDatabaseUnavailable } from "@/lib/errors";
import { liveEventStream } from "@/lib/live/events";

export const dynamic = "force-dynamic";

const Params = z.object({ id: z.coerce.number().int().positive().max(2147483647) });

const plain = (status: number, body: string | null, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { "cache-control": "no-store", ...headers } });

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const parsed = Params.safeParse(await params);
  if (!parsed.success) return plain(400, "bad request");
  // A stream is held open only for a blog readers can see that is still running: an address
  // nobody publishes does not get to keep one of the process's streams (EventSource gives up
  // on a 404), and an ended blog has nothing more to say (204: EventSource stops asking).
  let blog: Awaited<ReturnType<typeof getVisibleLiveBlog>>;
  try {
    blog = await getVisibleLiveBlog(parsed.data.id);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return plain(503, "unavailable", { "retry-after": "5" });
    throw error;
  }
  if (!blog) return plain(404, "not found");
  if (blog.state !== "live") return plain(204, null);
  return liveEventStream(parsed.data.id, request.signal);
}
