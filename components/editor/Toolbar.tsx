"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import type en from "@/messages/en.json";
import { EmbedTableTools } from "./EmbedTableTools";

type Label = keyof (typeof en)["editor"];
type Button = { label: Label; text: string; shortcut?: string; active?: (e: Editor) => boolean; enabled?: (e: Editor) => boolean; run: (e: Editor) => void };

const HISTORY: Button[] = [
  { label: "undo", text: "↶", shortcut: "Ctrl+Z", enabled: (e) => e.can().undo(), run: (e) => e.chain().focus().undo().run() },
  { label: "redo", text: "↷", shortcut: "Ctrl+Shift+Z", enabled: (e) => e.can().redo(), run: (e) => e.chain().focus().redo().run() },
];
const MARKS: Button[] = [
  { label: "bold", text: "B", shortcut: "Ctrl+B", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { label: "italic", text: "I", shortcut: "Ctrl+I", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
  { label: "underline", text: "U", shortcut: "Ctrl+U", active: (e) => e.isActive("underline"), run: (e) => e.chain().focus().toggleUnderline().run() },
  { label: "strike", text: "S", shortcut: "Ctrl+Shift+S", active: (e) => e.isActive("strike"), run: (e) => e.chain().focus().toggleStrike().run() },
];
const BLOCKS: Button[] = [
  { label: "heading2", text: "H2", active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: "heading3", text: "H3", active: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { label: "heading4", text: "H4", active: (e) => e.isActive("heading", { level: 4 }), run: (e) => e.chain().focus().toggleHeading({ level: 4 }).run() },
  { label: "bulletList", text: "•", active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: "orderedList", text: "1.", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: "quote", text: "❝", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
  { label: "pullQuote", text: "❞", active: (e) => e.isActive("pullQuote"), run: (e) => e.chain().focus().togglePullQuote().run() },
  { label: "rule", text: "—", run: (e) => e.chain().focus().setHorizontalRule().run() },
  { label: "hardBreak", text: "↵", shortcut: "Shift+Enter", run: (e) => e.chain().focus().setHardBreak().run() },
];

/**
 * Toolbar buttons must not take the focus from the text: the editor would get it back only on
 * the next frame, and a fast typist's first letters after a click would go nowhere.
 */
const keepFocus = (event: React.MouseEvent) => event.preventDefault();

export function Toolbar({
  editor,
  onLink,
  onImage,
  onFigureDetails,
}: {
  editor: Editor;
  onLink: () => void;
  onImage: () => void;
  onFigureDetails: () => void;
}) {
  const t = useTranslations("editor");
  // Re-render on selection changes so the pressed and enabled states follow the cursor.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      history: HISTORY.map((b) => b.enabled?.(e) ?? true),
      marks: MARKS.map((b) => b.active?.(e) ?? false),
      blocks: BLOCKS.map((b) => b.active?.(e) ?? false),
      link: e.isActive("link"),
      figure: e.isActive("figure"),
    }),
  });
  const title = (b: Button) => (b.shortcut ? `${t(b.label)} (${b.shortcut})` : t(b.label));
  const pressable = (b: Button, pressed: boolean) => (b.active ? { "aria-pressed": pressed } : {});

  return (
    <div className="toolbar" role="toolbar" aria-label={t("toolbar")}>
      {HISTORY.map((b, i) => (
        <button key={b.label} type="button" onMouseDown={keepFocus} aria-label={t(b.label)} title={title(b)} disabled={!state.history[i]} onClick={() => b.run(editor)}>
          {b.text}
        </button>
      ))}
      <span className="toolbar__sep" aria-hidden="true" />
      {MARKS.map((b, i) => (
        <button key={b.label} type="button" className={`toolbar__${b.label}`} onMouseDown={keepFocus} aria-label={t(b.label)} title={title(b)} {...pressable(b, state.marks[i])} onClick={() => b.run(editor)}>
          {b.text}
        </button>
      ))}
      <button type="button" onMouseDown={keepFocus} aria-label={t("link")} title={`${t("link")} (Ctrl+K)`} aria-pressed={state.link} onClick={onLink}>
        {t("link")}
      </button>
      <span className="toolbar__sep" aria-hidden="true" />
      {BLOCKS.map((b, i) => (
        <button key={b.label} type="button" onMouseDown={keepFocus} aria-label={t(b.label)} title={title(b)} {...pressable(b, state.blocks[i])} onClick={() => b.run(editor)}>
          {b.text}
        </button>
      ))}
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onMouseDown={keepFocus} aria-label={t("insertImage")} title={t("insertImage")} onClick={onImage}>
        {t("image")}
      </button>
      {state.figure && (
        <button type="button" onMouseDown={keepFocus} aria-label={t("figureDetails")} title={t("figureDetails")} onClick={onFigureDetails}>
          {t("figureDetailsShort")}
        </button>
      )}
      <EmbedTableTools editor={editor} />
    </div>
  );
}
