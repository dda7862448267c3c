// The one list of TipTap extensions. The browser editor and the server (validation and
// rendering) both use it, so what can be typed is exactly what can be stored and shown.
import StarterKit from "@tiptap/starter-kit";
import type { Extensions } from "@tiptap/core";
import { isSafeHref } from "./links";
import { Embed } from "./embed-node";
import { Figure, PullQuote } from "./nodes";
import { tableExtensions } from "./table";

export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] }, // the headline is the page's h1
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["mailto"],
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer", target: null },
    },
  }),
  PullQuote,
  Figure,
  Embed,
  ...tableExtensions,
];
