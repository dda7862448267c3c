"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import type { FormState } from "@/lib/errors";

type Field =
  | { kind: "text"; name: string; label: string; hideLabel?: boolean; defaultValue?: string; maxLength: number }
  | { kind: "select"; name: string; label: string; hideLabel?: boolean; placeholder: string; options: { value: number; label: string }[] };

/**
 * One small form of the tags & sections page: at most one visible field, hidden ids, a submit
 * button. The field's errors appear beside it; anything else (the tag is still used, it was
 * deleted meanwhile) beside the button.
 */
export function TaxonomyForm<T>({
  action,
  hidden = {},
  field,
  submit,
  submitDetail,
  disabled,
  resetOnSuccess,
  className,
}: {
  action: (state: FormState<T>, form: FormData) => Promise<FormState<T>>;
  hidden?: Record<string, string | number>;
  field?: Field;
  submit: string;
  /** Read by screen readers after the button's label, e.g. which tag it deletes. */
  submitDetail?: string;
  disabled?: boolean;
  resetOnSuccess?: boolean;
  className?: string;
}) {
  const t = useTranslations("taxonomy");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(action, null);
  useEffect(() => {
    if (resetOnSuccess && state?.ok) form.current?.reset();
  }, [state, resetOnSuccess]);
  const fieldErrors = field ? state?.fieldErrors?.[field.name] : undefined;
  const otherErrors = Object.entries(state?.fieldErrors ?? {})
    .filter(([name]) => name !== field?.name)
    .flatMap(([, messages]) => messages);
  const status = state?.ok === false ? (otherErrors.length ? otherErrors.join(" ") : fieldErrors ? "" : state.message) : state?.message;
  const inputId = `${id}-field`;
  const errorId = `${id}-error`;
  const common = {
    id: inputId,
    name: field?.name,
    "aria-invalid": fieldErrors ? true : undefined,
    "aria-describedby": fieldErrors ? errorId : undefined,
  };
  return (
    <form
      ref={form}
      className={["taxonomy-form", className].filter(Boolean).join(" ")}
      // Not `action=`: React would empty the field after submitting, losing what was typed on an error.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {field && (
        <div className="taxonomy-form__field">
          <label htmlFor={inputId} className={field.hideLabel ? "visually-hidden" : undefined}>
            {field.label}
          </label>
          {field.kind === "text" ? (
            <input {...common} defaultValue={field.defaultValue} maxLength={field.maxLength} autoComplete="off" />
          ) : (
            <select {...common} defaultValue="">
              <option value="" disabled>
                {field.placeholder}
              </option>
              {field.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
          {fieldErrors && (
            <p id={errorId} className="field__error">
              {fieldErrors.join(" ")}
            </p>
          )}
        </div>
      )}
      <button className="button" type="submit" disabled={pending || disabled}>
        {pending ? t("working") : submit}
        {submitDetail && <span className="visually-hidden">{` ${submitDetail}`}</span>}
      </button>
      <span role="status" className={state?.ok === false ? "field__error" : "save-status"}>
        {!pending && status}
      </span>
    </form>
  );
}
