"use server";
// Thin: who is asking → the user-admin verb → a result the form shows, in the admin's language.
// Temporary passwords travel back in the result this once and are never stored in plain.
import { resetSecondFactor } from "@/db/second-factor/reset";
import { setSecondFactorRoles } from "@/db/settings/second-factor-roles";
import { adminCreateUser } from "@/db/users/admin-create";
import { changeRole } from "@/db/users/change-role";
import { resetPassword } from "@/db/users/reset-password";
import { setActive } from "@/db/users/set-active";
import type { FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);
// The user list shows what changed.
const revalidate = "/desk/users";

export async function createUserAction(_previous: FormState<{ name: string; email: string; temporaryPassword: string }>, form: FormData) {
  return deskAction(
    "adminCreateUser",
    async ({ viewer }) => {
      const { user, temporaryPassword } = await adminCreateUser({
        ctx: { viewer },
        // The verb validates whatever arrives; the declared input type is only a hint.
        input: { name: text(form.get("name")), email: text(form.get("email")), role: text(form.get("role")) } as never,
      });
      return { name: user.name, email: user.email, temporaryPassword };
    },
    { revalidate, done: ({ name }, t) => t("users.created", { name }) },
  );
}

export async function changeRoleAction(_previous: FormState<{ name: string; role: string; changed: boolean }>, form: FormData) {
  return deskAction(
    "changeRole",
    async ({ viewer }) => {
      const { name, role, changed } = await changeRole({ ctx: { viewer }, input: { id: text(form.get("id")), role: text(form.get("role")) as never } });
      return { name, role, changed };
    },
    { revalidate, done: ({ name, role, changed }, t) => (changed ? t("users.roleChanged", { name, role: t(`roles.${role}`) }) : t("users.roleUnchanged", { name })) },
  );
}

export async function setActiveAction(_previous: FormState<{ name: string; active: boolean }>, form: FormData) {
  return deskAction(
    "setActive",
    async ({ viewer }) => {
      const active = text(form.get("active")) === "true";
      const { name } = await setActive({ ctx: { viewer }, input: { id: text(form.get("id")), active } });
      return { name, active };
    },
    { revalidate, done: ({ name, active }, t) => t(active ? "users.reactivated" : "users.deactivated", { name }) },
  );
}

export async function resetPasswordAction(_previous: FormState<{ name: string; temporaryPassword: string }>, form: FormData) {
  return deskAction(
    "resetPassword",
    async ({ viewer }) => {
      const { name, temporaryPassword } = await resetPassword({ ctx: { viewer }, input: { id: text(form.get("id")) } });
      return { name, temporaryPassword };
    },
    { revalidate, done: ({ name }, t) => t("users.passwordReset", { name }) },
  );
}

export async function resetSecondFactorAction(_previous: FormState<{ name: string }>, form: FormData) {
  return deskAction(
    "resetSecondFactor",
    async ({ viewer }) => {
      await resetSecondFactor({ ctx: { viewer }, input: { id: text(form.get("id")) } as never });
      return { name: text(form.get("name")) ?? "" };
    },
    { revalidate, done: ({ name }, t) => t("users.factorReset", { name }) },
  );
}

export async function setSecondFactorRolesAction(_previous: FormState<{ roles: string[] }>, form: FormData) {
  return deskAction(
    "setSecondFactorRoles",
    async ({ viewer }) => ({ roles: (await setSecondFactorRoles({ ctx: { viewer }, input: { roles: form.getAll("roles").filter((r) => typeof r === "string") as never } })) as string[] }),
    { revalidate, done: ({ roles }, t) => (roles.length ? t("users.factorSaved", { roles: roles.map((r) => t(`roles.${r}`)).join(", ") }) : t("users.factorSavedNone")) },
  );
}
