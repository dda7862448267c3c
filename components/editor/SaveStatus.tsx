"use client";
import { useLocale, useTranslations } from "next-intl";
import type { SyncStatus } from "@/lib/editor/sync-status";

export const timeFormat = (locale: string) => new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" });

/** The one line that says whether the text on screen is in the database (decided by lib/editor/sync-status.ts). */
export function SaveStatus({ state }: { state: SyncStatus }) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const text = {
    connecting: t("saveConnecting"),
    idle: t("saveIdle"),
    saving: state.kind === "saving" && state.synced ? t("saveSynced") : t("saveSaving"),
    saved: state.kind === "saved" ? t("saveSaved", { time: timeFormat(locale).format(state.at) }) : "",
    offline: state.kind === "offline" ? t("saveOfflineKept", { count: state.changes }) : "",
    databaseDown: t("saveDatabaseDown"),
    readOnly: t("saveReadOnly"),
  }[state.kind];
  const tone = state.kind === "offline" || state.kind === "saving" ? " save-status--dirty" : state.kind === "databaseDown" ? " save-status--error" : "";
  return (
    <span className={`save-status${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
