"use client";
// The admin's setting: which roles must have a second factor before they reach the desk.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setSecondFactorRolesAction } from "@/app/(desk)/desk/users/actions";
import { ROLES, type Role } from "@/lib/permissions";
import { SaveBar } from "@/components/ui/SaveBar";

export function SecondFactorRolesForm({ roles }: { roles: Role[] }) {
  const t = useTranslations("users");
  const tRoles = useTranslations("roles");
  const [state, action, pending] = useActionState(setSecondFactorRolesAction, null);
  return (
    <form action={action}>
      <p>{t("factorIntro")}</p>
      <fieldset className="field">
        <legend>{t("factorRoles")}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" name="roles" value={role} defaultChecked={roles.includes(role)} /> {tRoles(role)}
          </label>
        ))}
      </fieldset>
      <SaveBar pending={pending} label={t("factorSave")} state={state} />
    </form>
  );
}
