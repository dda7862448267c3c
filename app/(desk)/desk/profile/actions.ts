"use server";
// Thin: the signed-in person → their own profile or password verb → a result the form shows.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { changeOwnPassword } from "@/db/users/change-password";
import { updateOwnProfile } from "@/db/users/update-profile";
import { serverTranslator } from "@/i18n/translate";
import { getViewer, refreshSessionVersion } from "@/lib/auth";
import { toFailure, type FieldErrors } from "@/lib/errors";

export type ProfileFormState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

export async function updateProfileAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const photo = text(form.get("avatarMediaId"));
    const profile = await updateOwnProfile({
      ctx: { viewer },
      input: { name: text(form.get("name")), bio: text(form.get("bio")), avatarMediaId: photo ? photo : null } as never,
    });
    // The header shows the name; the author page shows all three.
    revalidatePath("/desk", "layout");
    revalidatePath(`/authors/${profile.slug}`);
    return { ok: true, message: t("profile.saved") };
  } catch (error) {
    const failure = toFailure(error, "updateOwnProfile", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

export async function changePasswordAction(_previous: ProfileFormState, form: FormData): Promise<ProfileFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const { sessionVersion } = await changeOwnPassword({
      ctx: { viewer },
      input: { currentPassword: text(form.get("currentPassword")), newPassword: text(form.get("newPassword")), repeatPassword: text(form.get("repeatPassword")) } as never,
    });
    // Every other session of theirs has ended; this one carries on with the new version.
    await refreshSessionVersion(viewer.id, sessionVersion);
  } catch (error) {
    const failure = toFailure(error, "changeOwnPassword", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
  // A redirect, not a re-render of this request: the re-render would still read the old
  // session cookie (and sign the person out), while Next forwards the new cookie to the redirect.
  redirect("/desk/profile?password=changed");
}
