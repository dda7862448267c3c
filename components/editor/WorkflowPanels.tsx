"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";
import type { ArticleStatus } from "@/lib/workflow";
import { fieldMessages } from "./field-messages";
import type { WorkflowPanel } from "./WorkflowBar";

export type Correction = { kind: "correction" | "update"; text: string };

/** The workflow steps that need a word first: send back (note), schedule (time), correction, unpublish. */
export function WorkflowPanels({
  panel,
  status,
  busy,
  errors,
  timeZone,
  note,
  onNote,
  scheduleAt,
  onScheduleAt,
  correction,
  onCorrection,
  onSendBack,
  onSchedule,
  onUnpublish,
}: {
  panel: WorkflowPanel | null;
  status: ArticleStatus;
  busy: boolean;
  errors: FieldErrors;
  timeZone: string;
  note: string;
  onNote: (note: string) => void;
  scheduleAt: string;
  onScheduleAt: (at: string) => void;
  correction: Correction;
  onCorrection: (c: Correction) => void;
  onSendBack: () => void;
  onSchedule: () => void;
  onUnpublish: () => void;
}) {
  const t = useTranslations("editor");
  const { fieldError, invalid } = fieldMessages(errors);
  if (panel === "requestChanges")
    return (
      <div className="panel">
        <div className="field">
          <label htmlFor="change-note">{t("changeNote")}</label>
          <textarea id="change-note" rows={3} value={note} onChange={(e) => onNote(e.target.value)} {...invalid("note")} />
          {fieldError("note")}
        </div>
        <button className="button button--primary" type="button" disabled={busy} onClick={onSendBack}>
          {t("sendBack")}
        </button>
      </div>
    );
  if (panel === "schedule")
    return (
      <div className="panel">
        <div className="field">
          <label htmlFor="schedule-at">{t("scheduleAt", { zone: timeZone })}</label>
          <input id="schedule-at" type="datetime-local" value={scheduleAt} onChange={(e) => onScheduleAt(e.target.value)} {...invalid("at")} />
          {fieldError("at")}
        </div>
        <button className="button button--primary" type="button" disabled={busy || !scheduleAt} onClick={onSchedule}>
          {status === "scheduled" ? t("rescheduleConfirm") : t("scheduleConfirm")}
        </button>
      </div>
    );
  if (panel === "correction")
    return (
      <fieldset className="panel">
        <legend>{t("correctionLegend")}</legend>
        <div className="field">
          <label htmlFor="correction-kind">{t("correctionKind")}</label>
          <select id="correction-kind" value={correction.kind} onChange={(e) => onCorrection({ ...correction, kind: e.target.value as Correction["kind"] })}>
            <option value="correction">{t("correctionKindCorrection")}</option>
            <option value="update">{t("correctionKindUpdate")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="correction-text">{t("correctionText")}</label>
          <textarea id="correction-text" rows={3} value={correction.text} onChange={(e) => onCorrection({ ...correction, text: e.target.value })} {...invalid("correctionText", "correction-hint")} />
          {fieldError("correctionText") ?? (
            <p id="correction-hint" className="field__hint">
              {t("correctionHint")}
            </p>
          )}
        </div>
      </fieldset>
    );
  if (panel === "unpublish")
    return (
      <div className="panel">
        <p>{t("unpublishExplain")}</p>
        <div className="field">
          <label htmlFor="unpublish-note">{t("unpublishNote")}</label>
          <textarea id="unpublish-note" rows={2} value={note} onChange={(e) => onNote(e.target.value)} {...invalid("note")} />
          {fieldError("note")}
        </div>
        <button className="button button--danger" type="button" disabled={busy} onClick={onUnpublish}>
          {t("unpublishConfirm")}
        </button>
      </div>
    );
  return null;
}
