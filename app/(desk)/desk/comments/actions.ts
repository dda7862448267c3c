"use server";
// Thin: who is asking → the comment verb → a message for the queue, in the person's language.
import { revalidatePath } from "next/cache";
import { moderateComments } from "@/db/comments/moderate";
import type { ModerateCommentsInput, SetCommentsOpenInput } from "@/db/comments/schemas";
import { setCommentsOpen } from "@/db/comments/set-open";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/permissions";
import { toFailure, type ActionResult } from "@/lib/errors";

export type CommentActionState = (ActionResult & { message?: string }) | null;

async function run(name: string, verb: (viewer: Viewer) => Promise<string>): Promise<CommentActionState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  try {
    const message = await verb(viewer);
    // The queue, its counts and the reader pages are rendered per request; this refreshes the open queue.
    revalidatePath("/desk/comments");
    return { ok: true, message };
  } catch (error) {
    const failure = toFailure(error, name, t);
    // No field to put a message beside ("select at least one"): say the first one.
    const first = failure.fieldErrors && Object.values(failure.fieldErrors).flat()[0];
    return first ? { ...failure, message: first } : failure;
  }
}

/** Bulk moderation: the checked `ids` and the pressed button's `action`. */
export async function moderateCommentsAction(_state: CommentActionState, form: FormData): Promise<CommentActionState> {
  return run("moderateComments", async (viewer) => {
    // The verb validates both; the form's values are only strings.
    const input = { ids: form.getAll("ids"), action: form.get("action") } as ModerateCommentsInput;
    const result = await moderateComments({ ctx: { viewer }, input });
    const t = await serverTranslator(viewer.locale);
    return t(`comments.done.${input.action}`, { count: result.count });
  });
}

export async function setCommentsOpenAction(_state: CommentActionState, form: FormData): Promise<CommentActionState> {
  return run("setCommentsOpen", async (viewer) => {
    await setCommentsOpen({ ctx: { viewer }, input: { articleId: form.get("articleId"), open: form.get("open") } as SetCommentsOpenInput });
    return "";
  });
}
