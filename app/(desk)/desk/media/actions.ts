"use server";
// Thin: who is asking → the verb → a result the form can show, in the person's language.
import { revalidatePath } from "next/cache";
import { updateMediaDefaults } from "@/db/media/update";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import { toFailure, type FieldErrors } from "@/lib/errors";

export type MediaDefaultsState = { ok?: boolean; message?: string; fieldErrors?: FieldErrors };

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

export async function updateMediaDefaultsAction(_previous: MediaDefaultsState, form: FormData): Promise<MediaDefaultsState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    await updateMediaDefaults({
      ctx: { viewer },
      input: { id: text(form.get("id")), caption: text(form.get("caption")), credit: text(form.get("credit")), alt: text(form.get("alt")) },
    });
    // The grid shows caption and credit under each image.
    revalidatePath("/desk/media");
    return { ok: true, message: t("media.saved") };
  } catch (error) {
    const failure = toFailure(error, "updateMediaDefaults", t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}
