"use client";
// The last resort: an error in a root layout itself (the site's or the desk's). It replaces the
// whole document, so it cannot know the site's configured language or the desk person's: it
// says the same in German and English, each marked with its language. No detail of the
// error is shown (Next sends the browser only a digest of a server error anyway).
import "./globals.css";

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="de">
      <body>
        <title>Vorübergehend nicht erreichbar · Temporarily unavailable</title>
        <meta name="robots" content="noindex" />
        <main id="main" className="site-main">
          <h1 className="page-title">Vorübergehend nicht erreichbar</h1>
          <p>Diese Seite kann gerade nicht angezeigt werden. Bitte versuchen Sie es in Kürze noch einmal.</p>
          <div lang="en">
            <h2>Temporarily unavailable</h2>
            <p>This page cannot be shown right now. Please try again shortly.</p>
          </div>
          <p>
            <button type="button" className="button" onClick={() => retry()}>
              Erneut versuchen <span lang="en">/ Try again</span>
            </button>{" "}
            {/* A plain link, not next/link: the app around it is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">
              Zur Startseite <span lang="en">/ Home</span>
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
