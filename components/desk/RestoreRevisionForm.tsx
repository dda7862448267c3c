"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import type { ActionResult, FormState } from "@/lib/errors";

/**
 * "Restore this version" for one row of the history. The action redirects on success; a
 * refusal (someone saved meanwhile, no right to edit) is shown beside the button.
 */
export function RestoreRevisionForm({
  action,
  articleId,
  articleVersion,
  revisionId,
  revisionVersion,
}: {
  action: (state: FormState, form: FormData) => Promise<ActionResult>;
  articleId: number;
  articleVersion: number;
  revisionId: number;
  revisionVersion: number;
}) {
  const t = useTranslations("history");
  const [state, formAction, pending] = useActionState(action, null);
  const errorId = `restore-error-${revisionId}`;
  const failed = state && !state.ok;
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={articleId} />
      <input type="hidden" name="version" value={articleVersion} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <button className="button" type="submit" disabled={pending} aria-describedby={failed ? errorId : undefined}>
        {pending ? t("restoring") : t("restore")}
        <span className="visually-hidden">{` ${t("restoreWhich", { version: revisionVersion })}`}</span>
      </button>
      {failed && (
        <p className="field__error" role="alert" id={errorId}>
          {state.message}
        </p>
      )}
    </form>
  );
}
