import { useTranslations } from "next-intl";
import type { DiffPart } from "@/lib/diff";

/**
 * A word-level diff shown inline: deletions struck through, insertions underlined. Each
 * change starts with a visually hidden "Inserted:"/"Deleted:" so screen readers say what
 * colour alone would not. No hooks but next-intl's, so it renders on the server or inside a
 * client component (the editor's conflict dialog) alike. Line breaks in the text are kept.
 */
export function TextDiff({ parts, className }: { parts: readonly DiffPart[]; className?: string }) {
  const t = useTranslations("history");
  return (
    <div className={className ? `text-diff ${className}` : "text-diff"}>
      {parts.map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "ins" ? (
          <ins key={i}>
            <span className="visually-hidden">{`${t("inserted")} `}</span>
            {part.text}
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{`${t("deleted")} `}</span>
            {part.text}
          </del>
        ),
      )}
    </div>
  );
}
