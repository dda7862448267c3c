// A reader's comment, posted by a plain HTML form (it works without JavaScript): the verb
// decides, and the reader is sent on to /comments/sent with the outcome in the query string
// (`comment=pending`, or an error code per field), which that page turns into words in the
// article's language. Not the article page itself: that one is cached, the same for everyone.
// Nothing here renders text.
import crypto from "node:crypto";
import { CommentRateLimited, postComment } from "@/db/comments/post";
import { getCanonicalPath } from "@/db/publications/queries";
import { AppError, Invalid } from "@/lib/errors";
import { hashClientAddress } from "@/lib/comments";
import { clientAddress } from "@/lib/http/client-address";

/** A comment form is a few KB; anything far bigger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

// AUTH_SECRET is shared by every instance (npm start generates one for the embedded database);
// without it, a per-process key still keeps addresses unreadable, only not comparable across restarts.
const SECRET = process.env.AUTH_SECRET || crypto.randomBytes(32).toString("base64");

function seeOther(location: string): Response {
  // A relative Location keeps the reader on the host they used, whatever proxies sit in between.
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return new Response("Payload too large", { status: 413 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Bad request", { status: 400 });
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const articleId = /^\d{1,9}$/.test(field("articleId")) ? Number(field("articleId")) : 0;
  const path = articleId ? await getCanonicalPath(articleId) : null;
  if (!path) return seeOther("/");

  const back = (query: Record<string, string>, anchor: string) =>
    seeOther(`/comments/sent?${new URLSearchParams({ article: String(articleId), ...query })}#${anchor}`);
  try {
    await postComment({
      ctx: { viewer: null },
      input: { articleId, name: field("name"), text: field("text"), website: field("website"), clientHash: hashClientAddress(clientAddress(request.headers) ?? "unknown", SECRET) },
    });
    return back({ comment: "pending" }, "comments");
  } catch (error) {
    if (error instanceof Invalid) {
      // Message keys only (validation.commentNameRequired → nameError=commentNameRequired); the
      // page shows only keys it knows. The name comes back so it needn't be typed again.
      const query: Record<string, string> = { comment: "invalid", name: field("name").slice(0, 80), ...keptText(field("text")) };
      for (const f of ["name", "text"] as const) {
        const key = error.fieldErrors[f]?.[0];
        if (key) query[`${f}Error`] = key.replace(/^validation\./, "");
      }
      return back(query, "comment-form");
    }
    if (error instanceof CommentRateLimited)
      return back({ comment: "limited", minutes: String(error.params?.minutes ?? 10), name: field("name").slice(0, 80), ...keptText(field("text")) }, "comment-form");
    if (error instanceof AppError && error.message === "errors.commentsClosed") return back({ comment: "closed" }, "comments");
    if (error instanceof AppError && error.code === "not_found") return seeOther("/");
    console.error("[copydesk] postComment failed:", error);
    return back({ comment: "error", name: field("name").slice(0, 80), ...keptText(field("text")) }, "comment-form");
  }
}

/** The text goes back into the form when the address stays well under servers' header limits. */
function keptText(text: string): { text?: string } {
  return encodeURIComponent(text).length <= 6000 ? { text } : {};
}
