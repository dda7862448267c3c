"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import { createUserAction } from "@/app/(desk)/desk/users/actions";
import { ROLES } from "@/lib/permissions";
import { TemporaryPassword } from "./TemporaryPassword";

/** Name, email and role; Copydesk makes up the password and shows it here once. */
export function CreateUserForm() {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(createUserAction, null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  const errors = (field: string) => state?.fieldErrors?.[field];
  const described = (field: string) => (errors(field) ? `${id}-${field}-error` : undefined);
  const errorText = (field: string) =>
    errors(field) && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors(field)!.join(" ")}
      </p>
    );
  return (
    <>
      <form
        ref={form}
        className="user-create"
        noValidate
        // Not `action=`: React would empty the fields after submitting, losing what was typed on an error.
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => action(data));
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-name`}>{t("name")}</label>
          <input id={`${id}-name`} name="name" required maxLength={120} autoComplete="off" aria-invalid={errors("name") ? true : undefined} aria-describedby={described("name")} />
          {errorText("name")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t("email")}</label>
          <input id={`${id}-email`} name="email" type="email" required maxLength={254} autoComplete="off" aria-invalid={errors("email") ? true : undefined} aria-describedby={described("email")} />
          {errorText("email")}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t("role")}</label>
          <select id={`${id}-role`} name="role" defaultValue="journalist" aria-invalid={errors("role") ? true : undefined} aria-describedby={described("role")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
          {errorText("role")}
        </div>
        <div className="user-create__submit">
          <button className="button button--primary" type="submit" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </button>
        </div>
      </form>
      <div role="status" className={state?.ok ? "alert alert--ok" : state?.ok === false ? "alert alert--error" : undefined}>
        {!pending && state?.message && <p className="alert__text">{state.message}</p>}
        {!pending && state?.ok && <TemporaryPassword password={state.data.temporaryPassword} />}
      </div>
    </>
  );
}
