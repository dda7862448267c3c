"use server";
// Thin: who is asking → the comment verb → a message for the queue, in the person's language.
import { moderateComments } from "@/db/comments/moderate";
import type { ModerateCommentsInput, SetCommentsOpenInput } from "@/db/comments/schemas";
import { setCommentsOpen } from "@/db/comments/set-open";
import type { FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

// The queue, its counts and the reader pages are rendered per request; this refreshes the open queue.
const revalidate = "/desk/comments";

/** Bulk moderation: the checked `ids` and the pressed button's `action`. */
export async function moderateCommentsAction(_state: FormState<{ action: string; count: number }>, form: FormData) {
  // The verb validates both; the form's values are only strings.
  const input = { ids: form.getAll("ids"), action: form.get("action") } as ModerateCommentsInput;
  return deskAction(
    "moderateComments",
    async ({ viewer }) => ({ action: String(input.action), count: (await moderateComments({ ctx: { viewer }, input })).count }),
    // No field to put a message beside ("select at least one"): the first one is the message.
    { revalidate, done: ({ action, count }, t) => t(`comments.done.${action}`, { count }), firstFieldErrorAsMessage: true },
  );
}

export async function setCommentsOpenAction(_state: FormState, form: FormData) {
  return deskAction(
    "setCommentsOpen",
    async ({ viewer }) => {
      await setCommentsOpen({ ctx: { viewer }, input: { articleId: form.get("articleId"), open: form.get("open") } as SetCommentsOpenInput });
      return undefined;
    },
    { revalidate, firstFieldErrorAsMessage: true },
  );
}
