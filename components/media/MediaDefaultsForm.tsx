"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId } from "react";
import { updateMediaDefaultsAction } from "@/app/(desk)/desk/media/actions";
import type { MediaItem } from "@/lib/media/urls";
import { SaveBar } from "@/components/ui/SaveBar";

/** Caption, credit and alt text an image brings along when placed in an article. */
export function MediaDefaultsForm({ item }: { item: Pick<MediaItem, "id" | "caption" | "credit" | "alt" | "filename"> }) {
  const t = useTranslations("media");
  const id = useId();
  const [state, action, pending] = useActionState(updateMediaDefaultsAction, null);
  const errorsFor = (field: string) => state?.fieldErrors?.[field];
  const field = (name: "caption" | "credit" | "alt", multiline: boolean) => {
    const errors = errorsFor(name);
    const props = {
      id: `${id}-${name}`,
      name,
      defaultValue: item[name],
      "aria-invalid": errors ? true : undefined,
      "aria-describedby": [name === "alt" ? `${id}-alt-hint` : "", errors ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined,
    };
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{t(name)}</label>
        {multiline ? <textarea rows={2} maxLength={500} {...props} /> : <input maxLength={200} {...props} />}
        {name === "alt" && (
          <span id={`${id}-alt-hint`} className="field__hint">
            {t("altHint")}
          </span>
        )}
        {errors && (
          <p id={`${id}-${name}-error`} className="field__error">
            {errors.join(" ")}
          </p>
        )}
      </div>
    );
  };
  return (
    <form
      className="media-defaults"
      aria-label={t("defaultsFor", { name: item.filename })}
      // Not `action=`: React would reset the fields after submitting, losing what was typed on an error.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="id" value={item.id} />
      {field("caption", true)}
      {field("credit", false)}
      {field("alt", true)}
      <SaveBar pending={pending} label={t("save")} pendingLabel={t("saving")} state={state} primary={false} />
    </form>
  );
}
