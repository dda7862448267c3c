// The media library over HTTP for the desk's upload control and picker.
//   POST multipart (file + optional caption, credit, alt) → { ok: true, item } | { ok: false, message, fieldErrors }
//   GET ?q=&page= → { ok: true, items, q, page, pages, total, maxMb }
// Signed-in only. Messages are translated for the viewer; nothing raw reaches them.
import { listMedia } from "@/db/media/queries";
import { uploadMedia } from "@/db/media/upload";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/app/auth";
import { sameOrigin } from "@/lib/http/same-origin";
import { Invalid, toFailure, type AppError, type Translate } from "@/lib/errors";
import { maxUploadBytes, maxUploadMb } from "@/lib/media/inspect";
import type { MediaItem } from "@/lib/media/urls";

/** Room for the multipart envelope and the three short text fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

export async function POST(request: Request) {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return json({ ok: false, code: "unauthenticated", message: t("errors.unauthenticated") }, 401);
  if (!sameOrigin(request)) return json({ ok: false, code: "forbidden", message: t("errors.forbidden") }, 403);

  const tooLarge = new Invalid({}, "validation.mediaTooLarge", { max: String(maxUploadMb()) });
  const cap = maxUploadBytes() + ENVELOPE_BYTES;
  // Refuse by the declared length before reading a byte; count as we read in case it lied.
  if (Number(request.headers.get("content-length")) > cap) return failure(tooLarge, t);
  const body = await readCapped(request, cap);
  if (!body) return failure(tooLarge, t);

  let form: FormData;
  try {
    form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    return failure(new Invalid({ file: ["validation.mediaNoFile"] }, "validation.mediaNoFile"), t);
  }
  const file = form.get("file");
  if (!(file instanceof File)) return failure(new Invalid({ file: ["validation.mediaNoFile"] }, "validation.mediaNoFile"), t);
  const text = (name: string) => (typeof form.get(name) === "string" ? (form.get(name) as string) : undefined);
  try {
    const item = await uploadMedia({
      ctx: { viewer },
      input: { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), caption: text("caption"), credit: text("credit"), alt: text("alt") },
    });
    return json({ ok: true, item: clientItem(item) }, 201);
  } catch (error) {
    return failure(error, t);
  }
}

export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) {
    const t = await serverTranslator();
    return json({ ok: false, code: "unauthenticated", message: t("errors.unauthenticated") }, 401);
  }
  const params = new URL(request.url).searchParams;
  try {
    const list = await listMedia({ q: params.get("q") ?? "", page: params.get("page") ?? "1" });
    return json({ ok: true, ...list, items: list.items.map(clientItem), maxMb: maxUploadMb() });
  } catch (error) {
    return failure(error, await serverTranslator(viewer.locale));
  }
}

/** Exactly the client-facing type: no uploader ids or dates over the wire. */
function clientItem(item: MediaItem): MediaItem {
  const { id, src, srcset, width, height, filename, caption, credit, alt } = item;
  return { id, src, srcset, width, height, filename, caption, credit, alt };
}

const STATUS: Record<AppError["code"], number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, unavailable: 500 };

function failure(error: unknown, t: Translate) {
  const result = toFailure(error, "media upload", t);
  const status = error instanceof Invalid && error.message === "validation.mediaTooLarge" ? 413 : STATUS[result.code as AppError["code"]] ?? 500;
  return json({ ...result, fieldErrors: result.fieldErrors ?? {} }, status);
}

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}


/** The body, or null once it grows past `cap` (the rest is not read). */
async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
