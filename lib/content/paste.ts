// Paste from Word, Google Docs and web pages: the editor's schema already drops what it does
// not know; this first turns the source's quirks into plain structure (Word's fake lists,
// Docs' wrapper, page headings, spreadsheet tables) so headings, lists, links, emphasis and
// tables survive. Browser only.

const JUNK = "style, script, meta, link, title, xml, o\\:p, iframe, object, embed, svg, canvas, form";
const ORDERED_MARKER = /^\s*(?:\d+|[a-zA-Z]|[ivxlcdm]+)[.)]\s*$/i;

export function cleanPastedHtml(html: string): string {
  if (typeof DOMParser === "undefined") return html;
  const doc = new DOMParser().parseFromString(html, "text/html");
  doc.querySelectorAll(JUNK).forEach((el) => el.remove());
  // The page's own title level is the headline: pasted headings start one below it.
  doc.querySelectorAll("h1").forEach((el) => rename(el, "h2"));
  doc.querySelectorAll("h5, h6").forEach((el) => rename(el, "h4"));
  // Google Docs wraps everything in <b style="font-weight:normal">, which is not bold at all.
  doc.querySelectorAll('b[id^="docs-internal-guid"]').forEach(unwrap);
  wordLists(doc);
  doc.querySelectorAll("table").forEach(spreadsheetTable);
  return doc.body.innerHTML;
}

/**
 * Excel, Sheets and Word mark no header cells: a pasted table's first row becomes its header row
 * (results, timetables and figures nearly always start with one; the toolbar turns it off).
 * Column widths in pixels of the source sheet mean nothing on a phone, so they go.
 */
function spreadsheetTable(table: HTMLTableElement) {
  table.querySelectorAll("col, colgroup").forEach((el) => el.remove());
  for (const cell of table.querySelectorAll("td, th")) {
    for (const name of ["width", "colwidth", "data-colwidth", "height", "style", "class"]) {
      if (name === "style") {
        // Keep only the alignment the editor knows; Excel and Sheets style every cell.
        const align = /text-align\s*:\s*(left|center|right)/i.exec(cell.getAttribute("style") ?? "")?.[1];
        if (align) cell.setAttribute("style", `text-align: ${align.toLowerCase()}`);
        else cell.removeAttribute("style");
      } else cell.removeAttribute(name);
    }
  }
  const rows = [...table.rows];
  const first = rows[0];
  if (!first || rows.length < 2 || table.querySelector("th")) return;
  for (const td of [...first.cells]) {
    const th = table.ownerDocument.createElement("th");
    for (const attr of [...td.attributes]) th.setAttribute(attr.name, attr.value);
    th.append(...td.childNodes);
    td.replaceWith(th);
  }
}

/** Word marks list items as paragraphs with "mso-list" styles and a typed bullet; make real lists. */
function wordLists(doc: Document) {
  const items = [...doc.querySelectorAll("p")].filter((p) => /mso-list\s*:/i.test(p.getAttribute("style") ?? "") || /^MsoListParagraph/i.test(p.className));
  let list: HTMLElement | null = null;
  let previous: Element | null = null;
  for (const p of items) {
    const marker = p.querySelector('span[style*="mso-list:Ignore"], span[style*="mso-list: Ignore"]');
    const markerText = marker?.textContent ?? "";
    marker?.remove();
    const ordered = ORDERED_MARKER.test(markerText.replace(/\u00a0/g, " "));
    const tag = ordered ? "OL" : "UL";
    if (!list || previous !== p.previousElementSibling || list.tagName !== tag) {
      list = doc.createElement(tag.toLowerCase());
      p.before(list);
    }
    const li = doc.createElement("li");
    const para = doc.createElement("p");
    para.innerHTML = p.innerHTML.replace(/^(\s|&nbsp;)+/, "");
    li.append(para);
    list.append(li);
    previous = list;
    p.remove();
  }
}

function rename(el: Element, tag: string) {
  const next = el.ownerDocument.createElement(tag);
  next.innerHTML = el.innerHTML;
  el.replaceWith(next);
}

function unwrap(el: Element) {
  el.replaceWith(...el.childNodes);
}
