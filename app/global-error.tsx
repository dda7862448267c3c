"use client";
// The last resort: an error in a root layout itself (the site's or the desk's; neither throws
// for a database outage, see app/(site)/layout.tsx and i18n/request.ts). It replaces the whole
// document, so it knows neither the site's configured language nor the desk person's: it says
// the same in German and English, each marked with its language. No detail of the error is
// shown (Next sends the browser only a digest of a server error anyway).
import { UNAVAILABLE_TEXT } from "@/lib/unavailable-text";
import "./globals.css";

const { de, en } = UNAVAILABLE_TEXT;

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="de">
      <body>
        <title>{`${de.title} · ${en.title}`}</title>
        <meta name="robots" content="noindex" />
        <main id="main" className="site-main">
          <h1 className="page-title">{de.title}</h1>
          <p>{de.text}</p>
          <div lang="en">
            <h2>{en.title}</h2>
            <p>{en.text}</p>
          </div>
          <p>
            <button type="button" className="button" onClick={() => retry()}>
              {de.retry} <span lang="en">{`/ ${en.retry}`}</span>
            </button>{" "}
            {/* A plain link, not next/link: the app around it is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">
              {de.home} <span lang="en">{`/ ${en.home}`}</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
