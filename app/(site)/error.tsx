"use client";
// What a reader sees when a page cannot be rendered (the database is away, say): the site's
// frame stays (this boundary sits inside the site layout), and the page says in the site's
// language that it is temporarily unavailable, with a retry and a way home. The error itself
// never reaches the page: Next sends the browser only a digest of a server error.
//
// An error.tsx rather than a boundary component in the layout: Next's own error boundary is
// already in the framework's runtime, so this costs readers well under a kilobyte of script on
// every page (a catchError boundary cost 6 KB). Next draws it in the browser, where the
// document's language is the site's (components/site/SiteFrame.tsx); the server adds a notice
// for readers without JavaScript (scripts/serve.mjs).
import Link from "next/link";
import { UNAVAILABLE_TEXT } from "@/lib/unavailable-text";

export default function SiteError({ retry }: { error: unknown; retry: () => void }) {
  const t = UNAVAILABLE_TEXT[typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "de"];
  return (
    <section aria-labelledby="unavailable-title">
      <meta name="robots" content="noindex" />
      <h1 id="unavailable-title" className="page-title">
        {t.title}
      </h1>
      <p role="alert">{t.text}</p>
      <p>
        <button type="button" className="button" onClick={() => retry()}>
          {t.retry}
        </button>{" "}
        <Link href="/">{t.home}</Link>
      </p>
    </section>
  );
}
