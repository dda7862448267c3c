// Copydesk's own body nodes beyond StarterKit: the pull quote and the figure (image with
// caption, credit and alt). Shared by the browser editor and the server renderer.
import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    pullQuote: { togglePullQuote: () => ReturnType };
    figure: {
      insertFigure: (attrs: FigureAttrs) => ReturnType;
      updateFigure: (attrs: Partial<FigureAttrs>) => ReturnType;
    };
  }
}

/** A quotation set large beside the text, as newspapers do. */
export const PullQuote = Node.create({
  name: "pullQuote",
  group: "block",
  content: "paragraph+",
  defining: true,
  parseHTML() {
    return [{ tag: "blockquote.pull-quote", priority: 60 }, { tag: "aside.pull-quote" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["blockquote", mergeAttributes(HTMLAttributes, { class: "pull-quote" }), 0];
  },
  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    };
  },
});

export type FigureAttrs = {
  mediaId: number | null;
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
};

/** Images in the body come only from Copydesk's own media library. */
export const MEDIA_PATH = /^\/media(?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+$/; // no "..", no "//"

const text = (value: unknown) => (typeof value === "string" ? value : "");

/**
 * An image from the media library with its caption, credit and text alternative. One atom:
 * the words live in attributes, edited through a small form, so a figure can never be half-deleted.
 */
export const Figure = Node.create({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      mediaId: { default: null },
      src: { default: "" },
      srcset: { default: "" },
      width: { default: null },
      height: { default: null },
      alt: { default: "" },
      caption: { default: "" },
      credit: { default: "" },
    };
  },
  parseHTML() {
    return [
      {
        tag: "figure",
        getAttrs: (element) => {
          const img = element.querySelector("img");
          const src = img?.getAttribute("src") ?? "";
          if (!MEDIA_PATH.test(src)) return false; // a pasted figure from elsewhere is dropped
          return {
            mediaId: Number(element.getAttribute("data-media-id")) || null,
            src,
            srcset: img?.getAttribute("srcset") ?? "",
            width: Number(img?.getAttribute("width")) || null,
            height: Number(img?.getAttribute("height")) || null,
            alt: img?.getAttribute("alt") ?? "",
            caption: element.querySelector("figcaption .figure__caption")?.textContent ?? "",
            credit: element.querySelector("figcaption .figure__credit")?.textContent ?? "",
          };
        },
      },
    ];
  },
  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs;
    const img: Record<string, string> = { src: text(a.src), alt: text(a.alt), loading: "lazy", decoding: "async" };
    if (a.srcset) {
      img.srcset = text(a.srcset);
      img.sizes = "(min-width: 48rem) 42rem, 100vw";
    }
    if (a.width) img.width = String(a.width);
    if (a.height) img.height = String(a.height);
    const caption: unknown[] = ["figcaption", {}];
    if (a.caption) caption.push(["span", { class: "figure__caption" }, text(a.caption)]);
    if (a.credit) caption.push(["span", { class: "figure__credit" }, text(a.credit)]);
    const attrs: Record<string, string> = { class: "figure" };
    if (a.mediaId) attrs["data-media-id"] = String(a.mediaId);
    return caption.length > 2 ? ["figure", attrs, ["img", img], caption] : ["figure", attrs, ["img", img]];
  },
  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
      updateFigure:
        (attrs) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, attrs),
    };
  },
});
