"use server";
// Thin: who is asking → restoreRevision → back to the history with the result, or a message.
import { redirect } from "next/navigation";
import { restoreRevision } from "@/db/articles/restore";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import { toFailure } from "@/lib/errors";
import type { RestoreState } from "@/components/desk/RestoreRevisionForm";

export async function restoreRevisionAction(_state: RestoreState, form: FormData): Promise<RestoreState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  let result;
  try {
    result = await restoreRevision({
      ctx: { viewer },
      input: { id: form.get("id"), version: form.get("version"), revisionId: form.get("revisionId") },
    });
  } catch (error) {
    const failure = toFailure(error, "restoreRevision", t);
    // The editor's conflict text speaks of "your text"; here there is none to keep.
    if (failure.code === "conflict") return { ...failure, message: t("history.restoreConflict") };
    // There is no form field to put a message beside: say the first one.
    const first = failure.fieldErrors && Object.values(failure.fieldErrors).flat()[0];
    return first ? { ...failure, message: first } : failure;
  }
  const query = new URLSearchParams({ restored: String(result.version) });
  if (result.dropped.length) query.set("dropped", result.dropped.join(","));
  redirect(`/desk/articles/${result.id}/history?${query}`);
}
