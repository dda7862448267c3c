// One page view, sent by the article page's beacon (components/article/ViewBeacon.tsx). The
// page itself stays cached: counting happens here, after it was served. Machines and
// prefetches are not counted, nor a reader's reloads of the same article within half an hour;
// views wait in memory and are written in batches (db/views).
import { z } from "zod";
import { viewBatcher } from "@/db/views/batcher";
import { clientAddress } from "@/lib/http/client-address";
import { isMachineRequest } from "@/lib/views/bots";
import { createViewDedupe, readerKey } from "@/lib/views/dedupe";

const ViewInput = z.object({ articleId: z.number().int().positive().max(2147483647) });

/** A beacon is a few bytes; anything much bigger is not one. */
const MAX_BODY_BYTES = 256;

// Counted or quietly ignored (a machine, another site): the same answer, so a caller learns nothing.
const noContent = () => new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });

const dedupe = createViewDedupe();

const badRequest = () => new Response("Bad request", { status: 400, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request) {
  if (isMachineRequest(request.headers)) return noContent();
  // Counted only from our own pages (browsers send Sec-Fetch-Site with every beacon).
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return noContent();
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return badRequest();
  let body: unknown;
  try {
    const text = await request.text();
    body = text.length <= MAX_BODY_BYTES ? JSON.parse(text) : null;
  } catch {
    return badRequest();
  }
  const input = ViewInput.safeParse(body);
  if (!input.success) return badRequest();
  // Unknown and unpublished ids are dropped when the batch is written (db/views/record.ts).
  const reader = readerKey(clientAddress(request.headers), request.headers.get("user-agent"));
  if (dedupe.firstView(reader, input.data.articleId)) viewBatcher().add(input.data.articleId);
  return noContent();
}
