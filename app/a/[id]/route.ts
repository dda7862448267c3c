import { isUnpublished } from "@/db/publications/gone";
import { getCanonicalPath } from "@/db/publications/queries";

/** Short link: /a/{id} → the article's canonical URL (308); 410 once unpublished, 404 if never live. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const articleId = /^\d{1,9}$/.test(id) ? Number(id) : NaN;
  const path = Number.isFinite(articleId) ? await getCanonicalPath(articleId) : null;
  if (!path) {
    const gone = Number.isFinite(articleId) && (await isUnpublished(articleId));
    return gone ? new Response("Gone", { status: 410 }) : new Response("Not found", { status: 404 });
  }
  return Response.redirect(new URL(path, request.url), 308);
}
