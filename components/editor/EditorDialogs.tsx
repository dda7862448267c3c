"use client";
import type { Editor } from "@tiptap/react";
import type { FigureAttrs } from "@/lib/content/nodes";
import type { LeadImage } from "@/lib/editor/article";
import type { MediaItem } from "@/lib/media/urls";
import { MediaPicker } from "@/components/media/MediaPicker";
import { FigureDialog } from "./FigureDialog";
import { LinkDialog } from "./LinkDialog";

/** Which dialog of the editor is open: a link in the text, the media library (for the lead image or a figure), a figure's details. */
export type EditorDialog =
  | { kind: "link" }
  | { kind: "media"; for: "lead" | "figure" }
  | { kind: "figure"; attrs: FigureAttrs; isNew: boolean }
  | null;

const imageOf = (item: MediaItem): FigureAttrs & LeadImage => ({
  mediaId: item.id,
  src: item.src,
  srcset: item.srcset,
  width: item.width,
  height: item.height,
  caption: item.caption,
  credit: item.credit,
  alt: item.alt,
});

/** The dialogs the editor opens over the text; each applies its result to the editor (or the lead image) and closes. */
export function EditorDialogs({
  editor,
  dialog,
  onDialog,
  onLeadImage,
}: {
  editor: Editor | null;
  dialog: EditorDialog;
  onDialog: (dialog: EditorDialog) => void;
  onLeadImage: (lead: LeadImage) => void;
}) {
  const linkHref = (editor?.getAttributes("link").href as string | undefined) ?? "";
  return (
    <>
      {editor && dialog?.kind === "link" && (
        <LinkDialog
          open
          initialHref={linkHref}
          onClose={() => {
            onDialog(null);
            editor.commands.focus();
          }}
          onApply={(href) => {
            onDialog(null);
            const chain = editor.chain().focus().extendMarkRange("link");
            if (editor.state.selection.empty && !editor.isActive("link")) {
              editor.chain().focus().insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
            } else chain.setLink({ href }).run();
          }}
          onRemove={
            linkHref
              ? () => {
                  onDialog(null);
                  editor.chain().focus().extendMarkRange("link").unsetLink().run();
                }
              : null
          }
        />
      )}
      <MediaPicker
        open={dialog?.kind === "media"}
        onClose={() => onDialog(null)}
        onSelect={(item) => {
          if (dialog?.kind !== "media") return;
          if (dialog.for === "lead") {
            onDialog(null);
            onLeadImage(imageOf(item));
          } else onDialog({ kind: "figure", attrs: imageOf(item), isNew: true });
        }}
      />
      {dialog?.kind === "figure" && (
        <FigureDialog
          figure={dialog.attrs}
          onClose={() => onDialog(null)}
          onApply={(attrs) => {
            if (!editor) return;
            if (dialog.isNew) editor.chain().focus().insertFigure(attrs).run();
            else editor.chain().focus().updateFigure(attrs).run();
            onDialog(null);
          }}
        />
      )}
    </>
  );
}
