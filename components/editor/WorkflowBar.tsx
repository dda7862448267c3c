"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ArticleStatus } from "@/lib/workflow";

/** What the viewer may do with this article now: the same `can()` the data layer enforces. */
export type EditorCapabilities = {
  submit: boolean;
  publish: boolean;
  requestChanges: boolean;
  schedule: boolean;
  cancelSchedule: boolean;
  unpublish: boolean;
  withdraw: boolean;
};
export type WorkflowPanel = "requestChanges" | "schedule" | "unpublish" | "correction";
/** Steps that run straight from the bar; the others open a panel first (see WorkflowPanels). */
export type DirectStep = "submit" | "withdraw" | "publish" | "cancelSchedule";

/** The row above the editor: status, the workflow steps the viewer may take, and the save status. */
export function WorkflowBar({
  status,
  can,
  busy,
  panel,
  onStep,
  onTogglePanel,
  saveStatus,
}: {
  status: ArticleStatus;
  can: EditorCapabilities;
  busy: boolean;
  panel: WorkflowPanel | null;
  onStep: (step: DirectStep) => void;
  onTogglePanel: (panel: WorkflowPanel) => void;
  saveStatus: ReactNode;
}) {
  const t = useTranslations("editor");
  const tr = useTranslations();
  const toggle = (name: WorkflowPanel) => ({ onClick: () => onTogglePanel(name), "aria-expanded": panel === name });
  return (
    <div className="action-bar">
      <span className={`status status--${status}`}>{tr(`status.${status}`)}</span>
      {can.submit && (
        <button className="button button--primary" type="button" disabled={busy} onClick={() => onStep("submit")}>
          {t("submit")}
        </button>
      )}
      {can.withdraw && (
        <button className="button" type="button" disabled={busy} onClick={() => onStep("withdraw")}>
          {t("withdraw")}
        </button>
      )}
      {can.requestChanges && status === "in_review" && (
        <button className="button" type="button" disabled={busy} {...toggle("requestChanges")}>
          {t("requestChanges")}
        </button>
      )}
      {can.publish && (
        <button className="button button--publish" type="button" disabled={busy} onClick={() => onStep("publish")}>
          {status === "published" ? t("publishUpdate") : status === "scheduled" ? t("publishNow") : t("publish")}
        </button>
      )}
      {can.publish && status === "published" && (
        <button className="button" type="button" disabled={busy} {...toggle("correction")}>
          {t("correctionToggle")}
        </button>
      )}
      {can.schedule && (
        <button className="button" type="button" disabled={busy} {...toggle("schedule")}>
          {status === "scheduled" ? t("reschedule") : t("schedule")}
        </button>
      )}
      {can.cancelSchedule && (
        <button className="button" type="button" disabled={busy} onClick={() => onStep("cancelSchedule")}>
          {t("cancelSchedule")}
        </button>
      )}
      {can.unpublish && (
        <button className="button button--danger" type="button" disabled={busy} {...toggle("unpublish")}>
          {t("unpublish")}
        </button>
      )}
      {/* Last in the row: its changing text must never move a button out from under the pointer. */}
      {saveStatus}
    </div>
  );
}
