import { getLocale, getTranslations } from "next-intl/server";
import type { ArticleEvent } from "@/lib/desk/types";
import { formatDateTime, formatRelative } from "@/lib/dates";
import { HOME_FRONT, parseFrontNote } from "@/lib/front";

/** The article's audit trail: who moved it where, when, and the note they left. */
export async function ArticleHistory({ events, heading }: { events: ArticleEvent[]; heading?: string }) {
  const t = await getTranslations();
  const locale = await getLocale();
  const now = new Date();
  return (
    <section className="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{heading ?? t("desk.history")}</h2>
      <ol className="history">
        {events.map((e) => {
          // A front-page placement (db/front/record.ts): where, instead of a status step.
          const front = e.action.startsWith("front.") ? parseFrontNote(e.note) : null;
          const where = front && { front: front.front === HOME_FRONT ? t("front.homeFront") : front.front, slot: front.slot };
          return (
          <li key={e.id}>
            <strong>
              {where
                ? t(e.action === "front.place" ? "desk.historyFrontPlace" : "desk.historyFrontRemove", where)
                : e.from
                  ? t("desk.historyStep", { from: t(`status.${e.from}`), to: t(`status.${e.to}`) })
                  : t("desk.historyCreated")}
            </strong>{" "}
            <span className="field__hint">
              {t("desk.historyBy", { name: e.actor ?? t("desk.historyNobody") })}
              {" · "}
              <time dateTime={e.at} title={formatDateTime(e.at, locale)}>
                {formatRelative(e.at, locale, now)}
              </time>
            </span>
            {e.note && !where && <p className="history__note">{e.note}</p>}
          </li>
          );
        })}
      </ol>
    </section>
  );
}
