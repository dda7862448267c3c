// Saving an article's working copy over plain HTTP, for tools rather than people: the fault
// checks, the bench and the load test (the desk's editor writes through the co-editing
// connection, /api/collab). The same verb as every save: validated, authorised in the data
// layer, audited, and handed to open editors as a change to their shared document.
//   POST /api/articles/{id}  JSON: the SaveArticleInput fields (version included)
//   → 200 { ok: true, data: { id, version, … } } | 4xx { ok: false, code, message, fieldErrors? }
// Signed-in only (the desk's session cookie); a browser's Origin must be this site's.
import { saveArticle } from "@/db/articles/save";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/app/auth";
import { sameOrigin } from "@/lib/http/same-origin";
import { Invalid, toFailure } from "@/lib/errors";

/** As large as the largest article the validators accept (the server actions' limit). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;
const STATUS: Record<string, number> = { invalid: 422, conflict: 409, forbidden: 403, not_found: 404, unauthenticated: 401, unavailable: 503 };

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return json({ ok: false, code: "unauthenticated", message: t("errors.unauthenticated") }, 401);
  if (!sameOrigin(request)) return json({ ok: false, code: "forbidden", message: t("errors.forbidden") }, 403);
  const id = Number((await params).id);
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) {
    return json({ ok: false, code: "invalid", message: t("errors.requestTooLarge", { max: "8" }) }, 413);
  }
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    input = null;
  }
  try {
    if (!input || typeof input !== "object" || Array.isArray(input)) throw new Invalid({}, "validation.invalidValue");
    const data = await saveArticle({ ctx: { viewer }, input: { ...(input as object), id } as Parameters<typeof saveArticle>[0]["input"] });
    return json({ ok: true, data });
  } catch (error) {
    const result = toFailure(error, "saveArticle", t);
    return json(result, STATUS[result.code] ?? 500);
  }
}

function json(body: unknown, status = 200) {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
}
