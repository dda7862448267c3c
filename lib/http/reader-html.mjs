// Reader pages as plain HTML: Next's client runtime stripped from pages that do not need it.
//
// Everything a reader can do on the site works without JavaScript: links, search, the comment
// form, the two-click embeds (their own small script), the pager. Yet Next sends every page with
// its React runtime and the page's RSC payload — about 150 KB of gzip to download, parse and run
// on a cheap phone before the page settles (Lighthouse: total blocking time ~1 s on an article).
// Pages that opt in (the reader layout marks <html data-reader>) are sent without it; the few
// enhancements they have (copy-link button, view beacon) live in /reader.js, a file of 1 KB.
//
// Only Next's own scripts go: its chunk files, the inline RSC payload (`self.__next_f`), the
// Turbopack chunk list and the preload hints for its chunks. Scripts the page itself carries
// (/reader.js, /embed-consent.js, JSON-LD) stay, byte for byte.
// Plain JavaScript: scripts/serve.mjs runs under node without a compiler.

const MARKER = /<html\b[^>]*\sdata-reader(?:[\s=>])/i;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bhref="\/_next\/static\/[^"]*\.js")[^>]*>/gi;

/** Whether `html` is a page that asked to be sent without Next's runtime. */
export function wantsPlainHtml(html) {
  return MARKER.test(html.slice(0, 2048));
}

function isFrameworkScript(attributes, text) {
  if (/\bsrc="\/_next\//i.test(attributes)) return true;
  if (/\bid="_R_"/.test(attributes)) return true; // Turbopack's list of chunks to load
  if (/\bsrc\s*=/i.test(attributes)) return false;
  if (/\btype="application\/(?:ld\+)?json"/i.test(attributes)) return false;
  return /^\s*\(?self\.__next_[a-z]/.test(text) || /^\s*\$R[CSX]\b/.test(text);
}

/** `html` without Next's scripts and their preload hints; every other byte unchanged. */
export function withoutFrameworkScripts(html) {
  return html
    .replace(SCRIPT, (whole, attributes, text) => (isFrameworkScript(attributes, text) ? "" : whole))
    .replace(SCRIPT_PRELOAD, "");
}
