// Server-Sent Events for running live blogs' open pages (app/api/live/[id]/events): each stream
// hears "changed" whenever the blog's reader tag expires in this process — after a commit here,
// or another instance's, which arrives by NOTIFY (db/reader-cache.ts). The event carries nothing
// but the news; the page then asks /api/live/{id}, which the front cache answers from memory.
import { onExpire } from "@/lib/cache/store.mjs";
import { readerTags } from "@/lib/cache/tags";

/** A comment line now and then keeps proxies (Varnish's between-bytes timeout, say) from closing an idle stream. */
const HEARTBEAT_MS = 25_000;
/** Open streams one process keeps at most; past it, pages poll (a 503 makes EventSource give up). */
export const MAX_LIVE_STREAMS = 20_000;

type Send = (text: string) => void;
type Hub = { byArticle: Map<number, Set<Send>>; open: number; listening: boolean };

/** One per process (Next may load this module more than once): streams by article, one expiry listener. */
function hub(): Hub {
  const g = globalThis as unknown as Record<symbol, Hub | undefined>;
  const h = (g[Symbol.for("copydesk.liveEvents")] ??= { byArticle: new Map(), open: 0, listening: false });
  if (!h.listening) {
    h.listening = true;
    onExpire((tags) => {
      const everything = tags.includes(readerTags.all);
      for (const [articleId, streams] of h.byArticle) {
        if (!everything && !tags.includes(readerTags.live(articleId))) continue;
        for (const send of streams) send("data: changed\n\n");
      }
    });
  }
  return h;
}

/** How many streams are open in this process (for tests and the bench). */
export function openLiveStreams(): number {
  return hub().open;
}

/** The event stream of one live blog, until `signal` aborts (the reader left) or the body is cancelled. */
export function liveEventStream(articleId: number, signal: AbortSignal, limit = MAX_LIVE_STREAMS): Response {
  const h = hub();
  if (h.open >= limit) return new Response("busy", { status: 503, headers: { "cache-control": "no-store", "retry-after": "60" } });
  const encoder = new TextEncoder();
  let close = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const streams = h.byArticle.get(articleId) ?? new Set<Send>();
      h.byArticle.set(articleId, streams);
      const send: Send = (text) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close(); // the reader went away between two events
        }
      };
      const heartbeat = setInterval(() => send(":\n\n"), HEARTBEAT_MS);
      close = () => {
        clearInterval(heartbeat);
        if (!streams.delete(send)) return;
        h.open -= 1;
        if (streams.size === 0 && h.byArticle.get(articleId) === streams) h.byArticle.delete(articleId);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      streams.add(send);
      h.open += 1;
      if (signal.aborted) return close();
      signal.addEventListener("abort", () => close());
      // How long a browser waits before reconnecting after the stream broke.
      send("retry: 3000\n\n");
    },
    cancel() {
      close();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no compression (which would hold events back until a buffer fills).
      "cache-control": "no-cache, no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
