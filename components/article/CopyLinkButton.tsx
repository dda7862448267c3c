// The "Copy link" button beside the short link the page already shows. Reader pages are sent
// without React's runtime (lib/http/reader-html.mjs), so the button is plain markup that
// /reader.js brings to life: it stays hidden without JavaScript (the link is still there to copy
// by hand, and no button does nothing). The outcome is announced in a polite live region that
// exists from the start, so screen readers pick up the change.
type Props = { path: string; label: string; copied: string; failed: string };

export function CopyLinkButton({ path, label, copied, failed }: Props) {
  return (
    <>
      <button type="button" className="article__copy" hidden data-copy-link={path} data-copied={copied} data-failed={failed}>
        {label}
      </button>
      {/* aria-live without role="status": the page's one status role stays the comment form's notice */}
      <span className="article__copied" aria-live="polite" />
      <script async src="/reader.js" />
    </>
  );
}
