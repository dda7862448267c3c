// Methods the site answers. Pages and feeds are read (GET, HEAD); forms, server actions, the
// comment form, the view beacon and sign-in post (POST); OPTIONS is Next's own. Anything else —
// TRACE (echoes the request, cookies included, to a script that can send it), PUT, DELETE,
// PATCH, CONNECT … — answers 405 here, before Next renders a page for it.
export const ALLOWED_METHODS = new Set(["GET", "HEAD", "POST", "OPTIONS"]);

/** Answers 405 and returns true for a method the site does not serve. */
export function refuseMethod(req, res) {
  if (ALLOWED_METHODS.has(req.method ?? "GET")) return false;
  res.writeHead(405, { allow: "GET, HEAD, POST", "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end("Method Not Allowed");
  return true;
}
