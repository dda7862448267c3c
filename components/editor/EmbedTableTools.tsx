"use client";
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/Dialog";
import { recogniseEmbed } from "@/lib/content/embeds";

/** Toolbar buttons must not take the focus from the text (see Toolbar.tsx). */
const keepFocus = (event: React.MouseEvent) => event.preventDefault();

type TableAction = { label: "tableAddRow" | "tableAddColumn" | "tableDeleteRow" | "tableDeleteColumn" | "tableDelete"; run: (e: Editor) => boolean };
const TABLE_ACTIONS: TableAction[] = [
  { label: "tableAddRow", run: (e) => e.chain().focus().addRowAfter().run() },
  { label: "tableAddColumn", run: (e) => e.chain().focus().addColumnAfter().run() },
  { label: "tableDeleteRow", run: (e) => e.chain().focus().deleteRow().run() },
  { label: "tableDeleteColumn", run: (e) => e.chain().focus().deleteColumn().run() },
  { label: "tableDelete", run: (e) => e.chain().focus().deleteTable().run() },
];

/** The header row is on when the first row of the table around the cursor holds header cells. */
function hasHeaderRow(editor: Editor): boolean {
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.name === "table") return node.firstChild?.firstChild?.type.name === "tableHeader";
  }
  return false;
}

/**
 * The toolbar's embed and table buttons: "Embed" asks for an address (the same recognition as a
 * URL pasted on its own line), "Table" inserts a 3×3 table with a header row; inside a table its
 * row, column and header-row commands appear.
 */
export function EmbedTableTools({ editor }: { editor: Editor }) {
  const t = useTranslations("editor");
  const [embedOpen, setEmbedOpen] = useState(false);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      inTable: e.isActive("table"),
      headerRow: hasHeaderRow(e),
      editable: e.isEditable,
    }),
  });
  if (!state.editable) return null;
  return (
    <>
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onMouseDown={keepFocus} aria-label={t("insertEmbed")} title={t("insertEmbed")} onClick={() => setEmbedOpen(true)}>
        {t("embed")}
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        aria-label={t("insertTable")}
        title={t("insertTable")}
        disabled={state.inTable}
        onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
      >
        {t("table")}
      </button>
      {state.inTable && (
        <span role="group" aria-label={t("tableTools")} className="toolbar__group">
          <button type="button" onMouseDown={keepFocus} aria-pressed={state.headerRow} onClick={() => editor.chain().focus().toggleHeaderRow().run()}>
            {t("tableHeaderRow")}
          </button>
          {TABLE_ACTIONS.map((a) => (
            <button key={a.label} type="button" onMouseDown={keepFocus} onClick={() => a.run(editor)}>
              {t(a.label)}
            </button>
          ))}
        </span>
      )}
      {embedOpen && (
        <EmbedDialog
          onApply={(url) => {
            editor.chain().focus().insertEmbed(url).run();
            setEmbedOpen(false);
          }}
          onClose={() => {
            setEmbedOpen(false);
            editor.commands.focus();
          }}
        />
      )}
    </>
  );
}

function EmbedDialog({ onApply, onClose }: { onApply: (url: string) => void; onClose: () => void }) {
  const t = useTranslations("editor");
  const [url, setUrl] = useState("");
  const [error, setError] = useState("");
  function apply(event: React.FormEvent) {
    event.preventDefault();
    if (!recogniseEmbed(url)) {
      setError(t("embedUnknown"));
      return;
    }
    onApply(url.trim());
  }
  return (
    <Dialog open title={t("insertEmbed")} onClose={onClose}>
      <form onSubmit={apply} noValidate>
        <div className="field">
          <label htmlFor="embed-url">{t("embedAddress")}</label>
          <input
            id="embed-url"
            type="text"
            inputMode="url"
            value={url}
            autoFocus
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "embed-error" : "embed-hint"}
            onChange={(e) => setUrl(e.target.value)}
          />
          {error ? (
            <p id="embed-error" className="field__error">
              {error}
            </p>
          ) : (
            <p id="embed-hint" className="field__hint">
              {t("embedHint")}
            </p>
          )}
        </div>
        <div className="action-bar">
          <button className="button button--primary" type="submit">
            {t("embedApply")}
          </button>
          <button className="button button--ghost" type="button" onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
