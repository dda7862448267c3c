"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { addNoteAction } from "@/app/(desk)/desk/actions";
import { formatDateTime } from "@/lib/dates";

export type ArticleNoteView = { id: number; author: string | null; body: string; at: string };

/** The newsroom's internal thread about one article (never shown to readers). */
export function NotesThread({ articleId, initial }: { articleId: number; initial: ArticleNoteView[] }) {
  const t = useTranslations("editor");
  const locale = useLocale() === "de" ? "de" : "en";
  const [notes, setNotes] = useState(initial);
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await addNoteAction({ articleId, body: text });
    setBusy(false);
    if (!result.ok) {
      setError(result.fieldErrors?.body?.join(" ") ?? result.message);
      return;
    }
    setNotes(result.data.notes);
    setText("");
    setError("");
  }

  return (
    <section className="notes" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="notes__title">
        {t("notesTitle")}
      </h2>
      {notes.length === 0 ? (
        <p className="field__hint">{t("notesEmpty")}</p>
      ) : (
        <ol className="notes__list">
          {notes.map((n) => (
            <li key={n.id}>
              <p className="notes__meta">
                <strong>{n.author ?? t("notesSystem")}</strong> <time dateTime={n.at}>{formatDateTime(n.at, locale)}</time>
              </p>
              <p className="notes__body">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} noValidate>
        <label htmlFor="note-text">{t("notesAdd")}</label>
        <textarea id="note-text" rows={2} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? "note-text-error" : undefined} />
        {error && (
          <p className="field__error" id="note-text-error">
            {error}
          </p>
        )}
        <button className="button" type="submit" disabled={busy}>
          {t("notesSubmit")}
        </button>
      </form>
    </section>
  );
}
