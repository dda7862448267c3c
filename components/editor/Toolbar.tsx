"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

type Button = { label: "bold" | "italic" | "heading2" | "heading3" | "bulletList" | "orderedList" | "quote"; text: string; shortcut?: string; active: (e: Editor) => boolean; run: (e: Editor) => void };

const MARKS: Button[] = [
  { label: "bold", text: "B", shortcut: "Ctrl+B", active: (e) => e.isActive("bold"), run: (e) => e.chain().focus().toggleBold().run() },
  { label: "italic", text: "I", shortcut: "Ctrl+I", active: (e) => e.isActive("italic"), run: (e) => e.chain().focus().toggleItalic().run() },
];
const BLOCKS: Button[] = [
  { label: "heading2", text: "H2", active: (e) => e.isActive("heading", { level: 2 }), run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run() },
  { label: "heading3", text: "H3", active: (e) => e.isActive("heading", { level: 3 }), run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run() },
  { label: "bulletList", text: "•", active: (e) => e.isActive("bulletList"), run: (e) => e.chain().focus().toggleBulletList().run() },
  { label: "orderedList", text: "1.", active: (e) => e.isActive("orderedList"), run: (e) => e.chain().focus().toggleOrderedList().run() },
  { label: "quote", text: "❝", active: (e) => e.isActive("blockquote"), run: (e) => e.chain().focus().toggleBlockquote().run() },
];

/**
 * Toolbar buttons must not take the focus from the text: the editor would get it back only on
 * the next frame, and a fast typist's first letters after a click would go nowhere.
 */
const keepFocus = (event: React.MouseEvent) => event.preventDefault();

export function Toolbar({ editor }: { editor: Editor }) {
  const t = useTranslations("editor");
  // Re-render on selection changes so the pressed state follows the cursor.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      marks: MARKS.map((b) => b.active(e)),
      blocks: BLOCKS.map((b) => b.active(e)),
      link: e.isActive("link"),
    }),
  });
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState("");

  function openLink() {
    setHref((editor.getAttributes("link").href as string | undefined) ?? "");
    setLinkError("");
    setLinkOpen(true);
  }

  function applyLink(event: React.FormEvent) {
    event.preventDefault();
    const value = href.trim();
    if (!/^(https?:\/\/|mailto:)\S+$/i.test(value)) {
      setLinkError(t("linkInvalid"));
      return;
    }
    editor.chain().focus().extendMarkRange("link").setLink({ href: value }).run();
    setLinkOpen(false);
  }

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t("toolbar")}>
        {MARKS.map((b, i) => (
          <button key={b.label} type="button" onMouseDown={keepFocus} aria-label={t(b.label)} title={`${t(b.label)} (${b.shortcut})`} aria-pressed={active.marks[i]} onClick={() => b.run(editor)}>
            {b.text}
          </button>
        ))}
        <button type="button" onMouseDown={keepFocus} aria-label={t("link")} title={t("link")} aria-pressed={active.link} onClick={openLink}>
          {t("link")}
        </button>
        <span className="toolbar__sep" aria-hidden="true" />
        {BLOCKS.map((b, i) => (
          <button key={b.label} type="button" onMouseDown={keepFocus} aria-label={t(b.label)} title={t(b.label)} aria-pressed={active.blocks[i]} onClick={() => b.run(editor)}>
            {b.text}
          </button>
        ))}
      </div>
      {linkOpen && (
        <form className="link-form" onSubmit={applyLink} aria-label={t("link")}>
          <div className="field">
            <label htmlFor="link-href">{t("linkAddress")}</label>
            <input
              id="link-href"
              type="url"
              value={href}
              autoFocus
              placeholder="https://"
              aria-invalid={linkError ? true : undefined}
              aria-describedby={linkError ? "link-error" : undefined}
              onChange={(e) => setHref(e.target.value)}
              onKeyDown={(e) => e.key === "Escape" && setLinkOpen(false)}
            />
            {linkError && <p id="link-error" className="field__error">{linkError}</p>}
          </div>
          <button className="button" type="submit">{t("applyLink")}</button>
          {active.link && (
            <button className="button" type="button" onClick={() => { editor.chain().focus().unsetLink().run(); setLinkOpen(false); }}>
              {t("removeLink")}
            </button>
          )}
          <button className="button button--ghost" type="button" onClick={() => setLinkOpen(false)}>{t("cancel")}</button>
        </form>
      )}
    </>
  );
}
