"use server";
// Thin: who is asking → the verb → a result the form can show, in the person's language.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deleteMedia } from "@/db/media/delete";
import { updateMediaDefaults } from "@/db/media/update";
import type { ActionResult, FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);

export async function updateMediaDefaultsAction(_previous: FormState, form: FormData) {
  return deskAction(
    "updateMediaDefaults",
    async ({ viewer }) => {
      await updateMediaDefaults({
        ctx: { viewer },
        input: { id: text(form.get("id")), caption: text(form.get("caption")), credit: text(form.get("credit")), alt: text(form.get("alt")) },
      });
      return undefined;
    },
    // The grid shows caption and credit under each image.
    { revalidate: "/desk/media", done: (_saved, t) => t("media.saved") },
  );
}

export async function deleteMediaAction(_previous: FormState, form: FormData): Promise<ActionResult> {
  const result = await deskAction("deleteMedia", async ({ viewer }) => {
    await deleteMedia({ ctx: { viewer }, input: { id: text(form.get("id")) } });
    return undefined;
  });
  if (!result.ok) return result;
  // The image's card (and this form) is gone: the library page says what happened. (Outside the
  // action's error handling: redirect() works by throwing.)
  revalidatePath("/desk/media");
  redirect(`/desk/media?${new URLSearchParams({ deleted: (text(form.get("filename")) ?? "").slice(0, 200) })}`);
}
