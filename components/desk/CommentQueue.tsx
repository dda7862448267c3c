"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/errors";

export type QueueItem = {
  id: number;
  headline: string;
  href: string | null;
  authorName: string;
  /** Already split into paragraphs by the server (plain text, shown escaped). */
  paragraphs: string[];
  createdAt: string;
  createdLabel: string;
  moderated: string | null;
};
/**
 * One page of the moderation queue: a checkbox per comment, "Select all", and the bulk buttons.
 * The action answers with a sentence ("3 comments approved.") and the page refreshes its list;
 * the form stays mounted when the list empties, so that sentence is still there to read.
 */
export function CommentQueue<T>({
  items,
  emptyText,
  action,
}: {
  items: QueueItem[];
  emptyText: string;
  action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>;
}) {
  const t = useTranslations("comments");
  const [state, formAction, pending] = useActionState(action, null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  // Only ids still on the page count: after a bulk action the moderated ones leave the list
  // (the form isn't remounted, so its answer stays readable).
  const chosen = items.filter((c) => selected.has(c.id));
  const all = items.length > 0 && chosen.length === items.length;
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  if (items.length === 0 && !state) return <p className="empty-state">{emptyText}</p>;
  return (
    <form action={formAction} className="comment-queue">
      <div className="comment-queue__bar" role="group" aria-label={t("bulkLabel")}>
        {items.length > 0 && (
          <>
            <label className="comment-queue__all">
              <input
                type="checkbox"
                checked={all}
                ref={(el) => {
                  if (el) el.indeterminate = chosen.length > 0 && !all;
                }}
                onChange={(e) => setSelected(new Set(e.target.checked ? items.map((c) => c.id) : []))}
              />
              {t("selectAll")}
            </label>
            <button className="button button--primary" type="submit" name="action" value="approve" disabled={pending}>
              {t("approve")}
            </button>
            <button className="button" type="submit" name="action" value="reject" disabled={pending}>
              {t("reject")}
            </button>
            <button className="button" type="submit" name="action" value="spam" disabled={pending}>
              {t("spam")}
            </button>
          </>
        )}
        <span className="comment-queue__status" role="status">
          {pending ? t("working") : state?.ok ? state.message : ""}
        </span>
      </div>
      {state && !state.ok && (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      )}
      {items.length === 0 && <p className="empty-state">{emptyText}</p>}
      <ul className="comment-queue__list">
        {items.map((c) => (
          <li key={c.id} className="comment-queue__item">
            <input
              type="checkbox"
              name="ids"
              value={c.id}
              id={`select-comment-${c.id}`}
              checked={selected.has(c.id)}
              onChange={(e) => toggle(c.id, e.target.checked)}
              aria-label={t("selectComment", { name: c.authorName })}
            />
            <div className="comment-queue__body">
              <p className="comment-queue__meta">
                <span className="comment__name">{c.authorName}</span>
                <time dateTime={c.createdAt}>{c.createdLabel}</time>
                <span>
                  {`${t("onArticle")} `}
                  {c.href ? <a href={c.href}>{c.headline}</a> : <span>{`${c.headline} (${t("notOnSite")})`}</span>}
                </span>
              </p>
              <div className="comment__text">
                {c.paragraphs.map((p, i) => (
                  <p key={i}>{p}</p>
                ))}
              </div>
              {c.moderated && <p className="field__hint">{c.moderated}</p>}
            </div>
          </li>
        ))}
      </ul>
    </form>
  );
}
