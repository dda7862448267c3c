"use client";
// What a reader sees when a page cannot be rendered (the database is away, say): the site's
// frame stays, the page says in the site's language that it is temporarily unavailable, and
// offers to try again or go home. The error itself never reaches the page: Next sends only a
// digest of a server error to the browser, and nothing of it is shown.
import Link from "next/link";
import { catchError, type ErrorInfo } from "next/error";

type Text = { title: string; text: string; retry: string; home: string };

function UnavailableNotice(text: Text, { retry }: ErrorInfo) {
  return <UnavailableBody {...text} onRetry={retry} />;
}

function UnavailableBody({ title, text, retry, home, onRetry }: Text & { onRetry: () => void }) {
  return (
    <section aria-labelledby="unavailable-title">
      <meta name="robots" content="noindex" />
      <h1 id="unavailable-title" className="page-title">
        {title}
      </h1>
      <p role="alert">{text}</p>
      <p>
        <button type="button" className="button" onClick={() => onRetry()}>
          {retry}
        </button>{" "}
        <Link href="/">{home}</Link>
      </p>
    </section>
  );
}

/** Wraps the reader site's pages (in its layout, inside the frame) with the notice above. */
export const UnavailableBoundary = catchError(UnavailableNotice);
