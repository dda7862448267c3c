"use server";
// Thin: who is asking → restoreRevision → back to the history with the result, or a message.
import { redirect } from "next/navigation";
import { restoreRevision } from "@/db/articles/restore";
import type { ActionResult, FormState } from "@/lib/errors";
import { deskAction } from "../../../../desk-action";

export async function restoreRevisionAction(_state: FormState, form: FormData): Promise<ActionResult> {
  const result = await deskAction(
    "restoreRevision",
    async ({ viewer }) => {
      const { id, version, dropped } = await restoreRevision({
        ctx: { viewer },
        input: { id: form.get("id"), version: form.get("version"), revisionId: form.get("revisionId") },
      });
      return { id, version, dropped };
    },
    // The editor's conflict text speaks of "your text"; here there is none to keep. And there is
    // no form field to put a message beside: the first one is the message.
    { messages: { conflict: "history.restoreConflict" }, firstFieldErrorAsMessage: true },
  );
  if (!result.ok) return result;
  // Outside the action's error handling: redirect() works by throwing.
  const query = new URLSearchParams({ restored: String(result.data.version) });
  if (result.data.dropped.length) query.set("dropped", result.data.dropped.join(","));
  redirect(`/desk/articles/${result.data.id}/history?${query}`);
}
