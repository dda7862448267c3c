"use server";
// Thin: who is asking → the user-admin verb → a result the form shows, in the admin's language.
// Temporary passwords travel back in the result this once and are never stored in plain.
import { revalidatePath } from "next/cache";
import { adminCreateUser } from "@/db/users/admin-create";
import { changeRole } from "@/db/users/change-role";
import { resetPassword } from "@/db/users/reset-password";
import { setActive } from "@/db/users/set-active";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import { toFailure, type FieldErrors, type Translate } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";

export type UserFormState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors; temporaryPassword?: string; email?: string };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

async function run(name: string, verb: (viewer: Viewer, t: Translate) => Promise<UserFormState>): Promise<UserFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const state = await verb(viewer, t);
    revalidatePath("/desk/users");
    return state;
  } catch (error) {
    const failure = toFailure(error, name, t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

export async function createUserAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  return run("adminCreateUser", async (viewer, t) => {
    const { user, temporaryPassword } = await adminCreateUser({
      ctx: { viewer },
      // The verb validates whatever arrives; the declared input type is only a hint.
      input: { name: text(form.get("name")), email: text(form.get("email")), role: text(form.get("role")) } as never,
    });
    return { ok: true, message: t("users.created", { name: user.name }), temporaryPassword, email: user.email };
  });
}

export async function changeRoleAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  return run("changeRole", async (viewer, t) => {
    const { name, role, changed } = await changeRole({ ctx: { viewer }, input: { id: text(form.get("id")), role: text(form.get("role")) as never } });
    return { ok: true, message: changed ? t("users.roleChanged", { name, role: t(`roles.${role}`) }) : t("users.roleUnchanged", { name }) };
  });
}

export async function setActiveAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  return run("setActive", async (viewer, t) => {
    const active = text(form.get("active")) === "true";
    const { name } = await setActive({ ctx: { viewer }, input: { id: text(form.get("id")), active } });
    return { ok: true, message: t(active ? "users.reactivated" : "users.deactivated", { name }) };
  });
}

export async function resetPasswordAction(_previous: UserFormState, form: FormData): Promise<UserFormState> {
  return run("resetPassword", async (viewer, t) => {
    const { name, temporaryPassword } = await resetPassword({ ctx: { viewer }, input: { id: text(form.get("id")) } });
    return { ok: true, message: t("users.passwordReset", { name }), temporaryPassword };
  });
}
