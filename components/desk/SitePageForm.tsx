"use client";
import type { FormState } from "@/lib/errors";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId } from "react";

/** One of the site's own pages (imprint, privacy): title and plain text, saved as a whole. */
export function SitePageForm({ slug, title, body, action }: { slug: string; title: string; body: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const t = useTranslations("sitePages");
  const id = useId();
  const [state, formAction, pending] = useActionState(action, null);
  const error = (name: string) => state?.fieldErrors?.[name]?.join(" ");
  return (
    <form
      noValidate // the server's message, beside the field, in the desk's language
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="slug" value={slug} />
      <div className="field">
        <label htmlFor={`${id}-title`}>{t("titleLabel")}</label>
        <input id={`${id}-title`} name="title" defaultValue={title} maxLength={120} required aria-invalid={error("title") ? true : undefined} aria-describedby={error("title") ? `${id}-title-error` : undefined} />
        {error("title") && (
          <p className="field__error" id={`${id}-title-error`}>
            {error("title")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t("bodyLabel")}</label>
        <textarea id={`${id}-body`} name="body" defaultValue={body} rows={14} maxLength={50_000} aria-describedby={`${id}-body-hint`} />
        <p className="field__hint" id={`${id}-body-hint`}>
          {t("bodyHint")}
        </p>
        {error("body") && <p className="field__error">{error("body")}</p>}
      </div>
      <button className="button button--primary" type="submit" disabled={pending}>
        {t("save")}
      </button>{" "}
      <span role="status" className={state?.ok === false ? "field__error" : "field__hint"}>
        {state?.message}
      </span>
    </form>
  );
}
