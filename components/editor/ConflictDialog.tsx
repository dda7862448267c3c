"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Dialog } from "@/components/ui/Dialog";
import { TextDiff } from "@/components/desk/TextDiff";
import { diffText, hasChanges } from "@/lib/diff";
import type { EditorArticle } from "@/lib/editor/article";

type Side = { headline: string; standfirst: string; text: string };

/**
 * Someone else saved while this person was typing. Both versions are shown as a diff (theirs →
 * mine); nothing is lost whichever way they choose, and their own text stays in the editor until then.
 */
export function ConflictDialog({
  open,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onClose,
}: {
  open: boolean;
  mine: Side;
  theirs: (EditorArticle & { text?: string }) | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onClose: () => void;
}) {
  const t = useTranslations("editor");
  const [copied, setCopied] = useState(false);
  const their: Side | null = theirs ? { headline: theirs.fields.headline, standfirst: theirs.fields.standfirst, text: theirs.text ?? "" } : null;

  async function copyMine() {
    const all = [mine.headline, mine.standfirst, mine.text].filter(Boolean).join("\n\n");
    try {
      await navigator.clipboard.writeText(all);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <Dialog open={open} title={t("conflictTitle")} onClose={onClose} className="dialog--wide">
      <p>{t("conflictExplain")}</p>
      {!their ? (
        <p role="status">{t("conflictLoading")}</p>
      ) : (
        <div className="conflict-diff" aria-label={t("conflictDiffLabel")} role="group">
          <p className="field__hint">{t("conflictLegend")}</p>
          {(["headline", "standfirst", "text"] as const).map((key) => {
            const parts = diffText(their[key], mine[key]);
            if (!hasChanges(parts)) return null;
            return (
              <div key={key} className="conflict-diff__field">
                <h3>{t(key === "text" ? "text" : key)}</h3>
                <TextDiff parts={parts} />
              </div>
            );
          })}
        </div>
      )}
      <div className="action-bar">
        <button className="button button--primary" type="button" disabled={!their} onClick={onKeepMine}>
          {t("conflictKeepMine")}
        </button>
        <button className="button" type="button" disabled={!their} onClick={onTakeTheirs}>
          {t("conflictTakeTheirs")}
        </button>
        <button className="button" type="button" onClick={() => void copyMine()}>
          {t("conflictCopyMine")}
        </button>
        <button className="button button--ghost" type="button" onClick={onClose}>
          {t("conflictLater")}
        </button>
      </div>
      {copied && <p role="status">{t("conflictCopied")}</p>}
    </Dialog>
  );
}
