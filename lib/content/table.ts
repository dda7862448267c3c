// Tables: TipTap's table with a caption. The caption is a plain-text attribute (JSON-serialisable,
// so it lives in a Yjs XmlFragment like any other attribute), edited in a field above the table.
// Readers get the table from renderTable (lib/content/body.ts): caption, header cells with scope,
// inside a box that scrolls on its own on a narrow screen.
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorView, NodeView, ViewMutationRecord } from "@tiptap/pm/view";

export const TABLE_CAPTION_MAX = 300;
const MIN_CELL_WIDTH = 80;

const CAPTION_WORDS = { de: "Tabellentitel", en: "Table caption" };

/** The editor's table: the caption field, then the table ProseMirror edits. Browser only. */
class CaptionedTableView implements NodeView {
  dom: HTMLElement;
  contentDOM: HTMLElement;
  private input: HTMLInputElement;

  constructor(
    private node: PMNode,
    private view: EditorView,
    private getPos: () => number | undefined,
  ) {
    const lang = document.documentElement.lang.startsWith("de") ? "de" : "en";
    this.dom = document.createElement("div");
    this.dom.className = "tableWrapper";
    const label = document.createElement("label");
    label.className = "table-caption-field";
    label.contentEditable = "false";
    const span = document.createElement("span");
    span.textContent = CAPTION_WORDS[lang];
    this.input = document.createElement("input");
    this.input.type = "text";
    this.input.maxLength = TABLE_CAPTION_MAX;
    this.input.value = typeof node.attrs.caption === "string" ? node.attrs.caption : "";
    this.input.readOnly = !view.editable;
    this.input.addEventListener("input", () => {
      const pos = this.getPos();
      if (pos !== undefined && this.view.editable) this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, "caption", this.input.value));
    });
    label.append(span, this.input);
    const table = document.createElement("table");
    table.style.minWidth = `${MIN_CELL_WIDTH * (node.firstChild?.childCount ?? 1)}px`;
    this.contentDOM = table.appendChild(document.createElement("tbody"));
    this.dom.append(label, table);
  }

  update(node: PMNode) {
    if (node.type !== this.node.type) return false;
    this.node = node;
    const caption = typeof node.attrs.caption === "string" ? node.attrs.caption : "";
    if (this.input.value !== caption) this.input.value = caption;
    this.input.readOnly = !this.view.editable;
    return true;
  }

  stopEvent(event: Event) {
    return event.target === this.input;
  }

  ignoreMutation(mutation: ViewMutationRecord) {
    return !this.contentDOM.contains(mutation.target as Node) || mutation.type === "attributes" && mutation.target === this.contentDOM;
  }
}

export const CaptionedTable = Table.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: "",
        parseHTML: (element) => element.querySelector(":scope > caption")?.textContent?.trim().slice(0, TABLE_CAPTION_MAX) ?? "",
        renderHTML: () => ({}),
      },
    };
  },
  renderHTML({ node }) {
    const caption = typeof node.attrs.caption === "string" ? node.attrs.caption : "";
    return caption ? ["table", {}, ["caption", {}, caption], ["tbody", 0]] : ["table", {}, ["tbody", 0]];
  },
  addNodeView() {
    return ({ node, view, getPos }) => new CaptionedTableView(node, view, getPos);
  },
}).configure({ resizable: false, allowTableNodeSelection: false });

export const tableExtensions = [CaptionedTable, TableRow, TableHeader, TableCell];

/** Cell attributes arrive as untrusted JSON: spans small whole numbers, widths numbers, alignment one of three. */
export function tableAttrsWellTyped(node: PMNode): boolean {
  const a = node.attrs as Record<string, unknown>;
  switch (node.type.name) {
    case "table":
      return typeof a.caption === "string" && a.caption.length <= TABLE_CAPTION_MAX;
    case "tableCell":
    case "tableHeader": {
      const span = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 100;
      const widths = a.colwidth === null || (Array.isArray(a.colwidth) && a.colwidth.every((w) => typeof w === "number" && w >= 0 && w <= 10_000));
      return span(a.colspan) && span(a.rowspan) && widths && (a.align === null || ["left", "center", "right"].includes(a.align as string));
    }
    default:
      return true;
  }
}
