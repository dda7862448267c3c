// The embed node: a post, video, chart or map from one of the known providers (lib/content/embeds.ts).
// Stored as plain strings (provider, id, url, caption, credit), so it round-trips through JSON and
// a Yjs XmlFragment alike. Readers get a placeholder that loads nothing from the provider until
// they agree (public/embed-consent.js); the frame address is derived from provider + id on render.
import { Node } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { EditorView, NodeView } from "@tiptap/pm/view";
import { embedFrameSrc, isEmbedProvider, providerName, recogniseEmbed, type EmbedProvider } from "./embeds";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    embed: {
      /** Inserts the embed a URL stands for; false (nothing inserted) when it is not a known provider's. */
      insertEmbed: (url: string) => ReturnType;
    };
  }
}

export type EmbedAttrs = { provider: EmbedProvider; id: string; url: string; caption: string; credit: string };

export const EMBED_CAPTION_MAX = 500;
export const EMBED_CREDIT_MAX = 200;

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The words of the editor's card, in the desk's language (lib/ has no next-intl). */
const CARD_WORDS = {
  de: { caption: "Bildunterschrift", credit: "Quelle", original: "Original öffnen", embed: "Eingebettet" },
  en: { caption: "Caption", credit: "Credit", original: "Open original", embed: "Embed" },
};

/** The well-typed attributes of a stored embed whose URL recognises to exactly its provider and id, else null. */
export function checkEmbedAttrs(attrs: Record<string, unknown>): EmbedAttrs | "source" | "text" {
  const { provider, id, url, caption, credit } = attrs;
  if (![provider, id, url, caption, credit].every((v) => typeof v === "string")) return "source";
  const found = recogniseEmbed(url);
  if (!found || !isEmbedProvider(provider) || found.provider !== provider || found.id !== id || found.url !== url) return "source";
  if ((caption as string).length > EMBED_CAPTION_MAX || (credit as string).length > EMBED_CREDIT_MAX) return "text";
  return attrs as EmbedAttrs;
}

/** A paragraph holding nothing but a known provider's URL, as typed or pasted on its own line. */
function embedFromLine(state: EditorState, text: string): PMNode | null {
  const found = recogniseEmbed(text);
  const type = state.schema.nodes.embed;
  if (!found || !type) return null;
  return type.create({ ...found, caption: "", credit: "" });
}

/** Puts `embed` where the paragraph around the cursor is, with an empty paragraph after it to write on. */
function replaceLine(state: EditorState, embed: PMNode): Transaction | null {
  const { $from } = state.selection;
  if ($from.depth < 1 || $from.parent.type.name !== "paragraph") return null;
  const start = $from.before();
  const end = $from.after();
  const parent = $from.node(-1);
  const index = $from.index(-1);
  if (!parent.canReplaceWith(index, index + 1, embed.type)) return null;
  const tr = state.tr.replaceWith(start, end, embed);
  const after = start + embed.nodeSize;
  const next = tr.doc.resolve(after).nodeAfter;
  if (!next || next.type.name !== "paragraph" || next.content.size > 0) {
    tr.insert(after, state.schema.nodes.paragraph!.create());
  }
  tr.setSelection(TextSelection.create(tr.doc, after + 1));
  return tr.scrollIntoView();
}

function onOwnLine(state: EditorState): boolean {
  const { $from, empty } = state.selection;
  return empty && $from.parent.type.name === "paragraph";
}

/** The editor's card: provider, the original's address, caption and credit fields. Browser only. */
class EmbedCard implements NodeView {
  dom: HTMLElement;
  private inputs: Record<"caption" | "credit", HTMLInputElement>;

  constructor(
    private node: PMNode,
    private view: EditorView,
    private getPos: () => number | undefined,
  ) {
    const lang = document.documentElement.lang.startsWith("de") ? "de" : "en";
    const words = CARD_WORDS[lang];
    const a = node.attrs as EmbedAttrs;
    this.dom = document.createElement("div");
    this.dom.className = "embed-card";
    this.dom.contentEditable = "false";
    this.dom.setAttribute("role", "group");
    this.dom.setAttribute("aria-label", `${words.embed}: ${providerName(a.provider)}`);
    this.dom.dataset.provider = a.provider;
    const head = document.createElement("p");
    head.className = "embed-card__provider";
    head.textContent = providerName(a.provider);
    const link = document.createElement("a");
    link.className = "embed-card__url";
    link.href = a.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = a.url;
    this.dom.append(head, link);
    const field = (key: "caption" | "credit", max: number) => {
      const label = document.createElement("label");
      label.className = "embed-card__field";
      const span = document.createElement("span");
      span.textContent = words[key];
      const input = document.createElement("input");
      input.type = "text";
      input.maxLength = max;
      input.value = str(a[key]);
      input.readOnly = !view.editable;
      input.addEventListener("input", () => this.setAttr(key, input.value));
      label.append(span, input);
      this.dom.append(label);
      return input;
    };
    this.inputs = { caption: field("caption", EMBED_CAPTION_MAX), credit: field("credit", EMBED_CREDIT_MAX) };
  }

  private setAttr(key: "caption" | "credit", value: string) {
    const pos = this.getPos();
    if (pos === undefined || !this.view.editable) return;
    this.view.dispatch(this.view.state.tr.setNodeAttribute(pos, key, value));
  }

  update(node: PMNode) {
    if (node.type !== this.node.type || node.attrs.url !== this.node.attrs.url) return false;
    this.node = node;
    for (const key of ["caption", "credit"] as const) {
      const value = str(node.attrs[key]);
      if (this.inputs[key].value !== value) this.inputs[key].value = value; // a co-editor's or undo's change
      this.inputs[key].readOnly = !this.view.editable;
    }
    return true;
  }

  /** Typing, clicks and paste in the fields belong to the fields, not to ProseMirror. */
  stopEvent(event: Event) {
    return event.target instanceof HTMLInputElement;
  }

  ignoreMutation() {
    return true;
  }
}

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  // Before StarterKit's Enter and Link's paste handling: a URL alone on a line is an embed, not a link.
  priority: 110,
  addAttributes() {
    return {
      provider: { default: "" },
      id: { default: "" },
      url: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure.embed[data-embed-url]",
        getAttrs: (element) => {
          const found = recogniseEmbed(element.getAttribute("data-embed-url"));
          if (!found) return false;
          return {
            ...found,
            caption: element.querySelector(".embed__caption")?.textContent ?? "",
            credit: element.querySelector(".embed__credit")?.textContent ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    // The reader's placeholder. Without JavaScript it is the provider's name and a link to the
    // original; the consent script adds the button. The frame's address comes from provider + id.
    const a = node.attrs as EmbedAttrs;
    const found = recogniseEmbed(a.url);
    if (!found || !isEmbedProvider(a.provider)) return ["p", {}, str(a.url)];
    const shown = found.url.replace(/^https:\/\//, "");
    const caption: unknown[] = ["figcaption", {}];
    if (a.caption) caption.push(["span", { class: "embed__caption" }, str(a.caption)]);
    if (a.credit) caption.push(["span", { class: "embed__credit" }, str(a.credit)]);
    const placeholder = [
      "div",
      { class: "embed__placeholder" },
      ["p", { class: "embed__provider" }, providerName(found.provider)],
      ["p", { class: "embed__original" }, ["a", { href: found.url, rel: "noopener noreferrer" }, shown]],
    ];
    const figure = {
      class: "embed",
      "data-embed-provider": found.provider,
      "data-embed-src": embedFrameSrc(found.provider, found.id),
      "data-embed-url": found.url,
    };
    return caption.length > 2 ? ["figure", figure, placeholder, caption] : ["figure", figure, placeholder];
  },
  addNodeView() {
    return ({ node, view, getPos }) => new EmbedCard(node, view, getPos);
  },
  addCommands() {
    return {
      insertEmbed:
        (url) =>
        ({ commands }) => {
          const found = recogniseEmbed(url);
          return found ? commands.insertContent({ type: this.name, attrs: { ...found, caption: "", credit: "" } }) : false;
        },
    };
  },
  addKeyboardShortcuts() {
    return {
      // A known provider's URL typed alone on a line, then Enter: the line becomes the embed.
      Enter: ({ editor }) => {
        const { state, view } = editor;
        if (!editor.isEditable || !onOwnLine(state) || state.selection.$from.parentOffset !== state.selection.$from.parent.content.size) return false;
        const embed = embedFromLine(state, state.selection.$from.parent.textContent);
        const tr = embed && replaceLine(state, embed);
        if (!tr) return false;
        view.dispatch(tr);
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey("embedPaste"),
        props: {
          // A known provider's URL pasted onto an empty line becomes the embed; anywhere else it
          // stays a link, as does every other URL.
          handlePaste: (view, event) => {
            const text = event.clipboardData?.getData("text/plain")?.trim() ?? "";
            if (!text || /\s/.test(text) || !onOwnLine(view.state) || view.state.selection.$from.parent.content.size > 0) return false;
            const embed = embedFromLine(view.state, text);
            const tr = embed && replaceLine(view.state, embed);
            if (!tr) return false;
            view.dispatch(tr);
            return true;
          },
        },
      }),
    ];
  },
});
