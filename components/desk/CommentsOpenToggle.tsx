"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/errors";

/** Opens or closes one article for new comments. */
export function CommentsOpenToggle<T>({
  articleId,
  headline,
  open,
  action,
}: {
  articleId: number;
  headline: string;
  open: boolean;
  action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>;
}) {
  const t = useTranslations("comments");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="comments-toggle">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="open" value={open ? "false" : "true"} />
      <button className="button" type="submit" disabled={pending} aria-label={t(open ? "closeCommentsOn" : "openCommentsOn", { headline })}>
        {t(open ? "closeComments" : "openComments")}
      </button>
      {state && !state.ok && (
        <p className="field__error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}
