"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import { changePasswordAction } from "@/app/(desk)/desk/profile/actions";
import type { FormState } from "@/lib/errors";

/** Current password, new one twice. The session stays signed in; other sessions end. */
export function PasswordForm({ minLength, changed }: { minLength: number; changed: boolean }) {
  const t = useTranslations("profile");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const field = (name: "currentPassword" | "newPassword" | "repeatPassword", autoComplete: string) => {
    const errors = state?.fieldErrors?.[name];
    const hint = name === "newPassword" ? `${id}-${name}-hint` : "";
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{t(name)}</label>
        <input
          id={`${id}-${name}`}
          name={name}
          type="password"
          required
          maxLength={200}
          autoComplete={autoComplete}
          aria-invalid={errors ? true : undefined}
          aria-describedby={[hint, errors ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined}
        />
        {hint && (
          <span id={hint} className="field__hint">
            {t("newPasswordHint", { min: minLength })}
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
      ref={form}
      className="password-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password")}
      {field("repeatPassword", "new-password")}
      <div className="action-bar">
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? t("changingPassword") : t("changePassword")}
        </button>
        <span role="status" className={state?.ok === false ? "field__error" : "save-status"}>
          {!pending && (state?.message ?? (changed ? t("passwordChanged") : ""))}
        </span>
      </div>
    </form>
  );
}
