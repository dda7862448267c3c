"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { deleteMediaAction } from "@/app/(desk)/desk/media/actions";
import type { MediaItem } from "@/lib/media/urls";

/** Deleting a library image takes two steps: "Delete image", then "Delete for good" (or "Keep it"). */
export function MediaDeleteForm({ item }: { item: Pick<MediaItem, "id" | "filename"> }) {
  const t = useTranslations("media");
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(deleteMediaAction, null);
  if (!confirming) {
    return (
      <div className="media-delete">
        <button className="button button--danger" type="button" onClick={() => setConfirming(true)}>
          {t("delete")}
        </button>
      </div>
    );
  }
  return (
    <form className="media-delete" action={action} aria-labelledby={`${id}-question`}>
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="filename" value={item.filename} />
      <p id={`${id}-question`}>{t("deleteConfirm", { name: item.filename })}</p>
      <div className="action-bar">
        {/* autoFocus: the question just opened, and its answer is the next thing to reach. */}
        <button className="button button--danger" type="submit" disabled={pending} autoFocus>
          {pending ? t("deleting") : t("deleteYes")}
        </button>
        <button className="button" type="button" disabled={pending} onClick={() => setConfirming(false)}>
          {t("deleteCancel")}
        </button>
      </div>
      <p role="status" className={state?.ok === false ? "field__error" : "save-status"}>
        {!pending && state?.message}
      </p>
    </form>
  );
}
