// A live entry as reader HTML: one function for the cached page and for the entries the live
// poll brings to open pages (public/live.js inserts them), so the two can never differ. Pure.
// `html` is the entry's body as rendered and sanitized at publish time; everything else is escaped here.
import { formatDateTime } from "../dates";
import type { Locale } from "../i18n";
import { escapeHtml } from "../xml";

export type LiveEntryView = {
  id: number;
  title: string;
  html: string;
  publishedAt: string;
  editedAt: string | null;
  pinned: boolean;
  keyEvent: boolean;
  authors: { name: string; slug: string }[];
};
export type LiveLabels = { updated: string; pinned: string; keyEvent: string; by: string; permalink: string };

const attr = escapeHtml;

/** The entry's `<li>`, with its permalink target `#entry-<id>` and its own time. */
export function renderLiveEntry(entry: LiveEntryView, labels: LiveLabels, locale: Locale): string {
  const anchor = `entry-${entry.id}`;
  const time = `<time datetime="${attr(entry.publishedAt)}">${escapeHtml(formatDateTime(entry.publishedAt, locale))}</time>`;
  const flags = [entry.pinned ? labels.pinned : "", entry.keyEvent ? labels.keyEvent : ""].filter(Boolean);
  const updated = entry.editedAt
    ? ` <span class="live-entry__updated">${escapeHtml(labels.updated)} <time datetime="${attr(entry.editedAt)}">${escapeHtml(formatDateTime(entry.editedAt, locale))}</time></span>`
    : "";
  const authors = entry.authors.length
    ? ` <span class="live-entry__by">${escapeHtml(labels.by)} ${entry.authors.map((a) => `<a href="/authors/${attr(encodeURIComponent(a.slug))}" rel="author">${escapeHtml(a.name)}</a>`).join(", ")}</span>`
    : "";
  const heading = entry.title ? `<h3 class="live-entry__title">${escapeHtml(entry.title)}</h3>` : "";
  return (
    `<li id="${anchor}" class="live-entry${entry.pinned ? " live-entry--pinned" : ""}${entry.keyEvent ? " live-entry--key" : ""}" data-published="${attr(entry.publishedAt)}">` +
    `<article aria-label="${attr(entry.title || formatDateTime(entry.publishedAt, locale))}">` +
    `<p class="live-entry__meta"><a class="live-entry__time" href="#${anchor}" title="${attr(labels.permalink)}">${time}</a>${updated}` +
    (flags.length ? ` <span class="live-entry__flags">${escapeHtml(flags.join(" · "))}</span>` : "") +
    `${authors}</p>${heading}<div class="live-entry__body article__body">${entry.html}</div></article></li>`
  );
}

export type KeyEventView = { id: number; title: string; publishedAt: string; page: number };

/** The key events list: links to each entry's permalink (on the page it is on). */
export function renderKeyEvents(events: KeyEventView[], pagePath: (page: number) => string, currentPage: number, locale: Locale): string {
  return events
    .map((e) => {
      const href = `${e.page === currentPage ? "" : pagePath(e.page)}#entry-${e.id}`;
      return `<li><a href="${attr(href)}"><time datetime="${attr(e.publishedAt)}">${escapeHtml(formatDateTime(e.publishedAt, locale))}</time> ${escapeHtml(e.title)}</a></li>`;
    })
    .join("");
}

/** Page 1 is the live blog's own address; older entries at /…/p/2, /…/p/3 (stable addresses). */
export function livePagePath(articlePath: string, page: number): string {
  return page <= 1 ? articlePath : `${articlePath}/p/${page}`;
}
