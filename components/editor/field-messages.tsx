import type { FieldErrors } from "@/lib/errors";

/**
 * A field's error message beside it, and the attributes that tie the input to it (or to its hint).
 * Ids follow the field name (`headline-error`), so a screen reader reads the message with the field.
 */
export function fieldMessages(errors: FieldErrors) {
  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p className="field__error" id={`${name}-error`}>
        {errors[name].join(" ")}
      </p>
    ) : null;
  const invalid = (name: string, hint?: string) =>
    errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : hint ? { "aria-describedby": hint } : {};
  return { fieldError, invalid };
}
