import type { InputHTMLAttributes } from "react";

/** A labelled input with its error (and an optional hint) announced with it. */
export function Field({ id, label, errors, hint, ...input }: { id: string; label: string; errors?: string[]; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} aria-invalid={errors ? true : undefined} aria-describedby={errors ? `${id}-error` : hint} />
      {errors && (
        <p id={`${id}-error`} className="field__error">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}
