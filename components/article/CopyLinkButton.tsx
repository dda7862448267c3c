"use client";
// Adds a "Copy link" button beside the short link the page already shows (without JavaScript
// the link stays, and there is no button that would do nothing). The outcome is announced in a
// polite live region that exists from the start, so screen readers pick up the change.
import { useState, useSyncExternalStore } from "react";

type Props = { path: string; label: string; copied: string; failed: string };

const noSubscribe = () => () => {};

export function CopyLinkButton({ path, label, copied, failed }: Props) {
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [message, setMessage] = useState("");

  async function copy() {
    setMessage(""); // a second copy is announced again
    const url = new URL(path, location.href).href;
    let ok = false;
    try {
      await navigator.clipboard.writeText(url);
      ok = true;
    } catch {
      ok = copyWithSelection(url); // older browsers, or a page that is not a secure context
    }
    setMessage(ok ? copied : failed);
  }

  return (
    <>
      {hydrated && (
        <button type="button" className="article__copy" onClick={copy} onBlur={() => setMessage("")}>
          {label}
        </button>
      )}
      {/* aria-live without role="status": the page's one status role stays the comment form's notice */}
      <span className="article__copied" aria-live="polite">
        {message}
      </span>
    </>
  );
}

function copyWithSelection(text: string): boolean {
  const focused = document.activeElement as HTMLElement | null;
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus(); // keyboard users stay on the button
  }
}
