"use client";
// Counts a reader's view after the (cached) page has arrived: one small POST that the browser
// delivers even if the reader leaves at once. Renders nothing. A prerendered page (speculation
// rules) waits until the reader actually opens it.
import { useEffect } from "react";

export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const send = () => {
      const body = JSON.stringify({ articleId });
      if (!navigator.sendBeacon?.("/api/views", body)) {
        fetch("/api/views", { method: "POST", body, keepalive: true }).catch(() => {});
      }
    };
    if (!(document as Document & { prerendering?: boolean }).prerendering) return send();
    document.addEventListener("prerenderingchange", send, { once: true });
    return () => document.removeEventListener("prerenderingchange", send);
  }, [articleId]);
  return null;
}
