import { getTranslations } from "next-intl/server";
import type { ReaderLivePage } from "@/lib/live/types";
import { livePagePath, renderKeyEvents, renderLiveEntry, type LiveLabels } from "@/lib/live/render";
import { Pager } from "@/components/site/Pager";
import { LiveCoverage } from "./LiveCoverage";

/**
 * A live blog's entries on the reader page, in the article's language: state and coverage time,
 * key events, pinned entries on top, then newest first, with older pages at stable addresses.
 * Plain markup that works without JavaScript; on page 1 of a running blog /live.js asks for
 * changes and offers them ("3 new entries — show") instead of moving the text under the reader.
 */
export async function LiveBlog({ live, articleId }: { live: ReaderLivePage; articleId: number }) {
  const locale = live.language;
  const t = await getTranslations({ locale, namespace: "liveReader" });
  const labels: LiveLabels = { updated: t("updated"), pinned: t("pinned"), keyEvent: t("keyEvent"), by: t("by"), permalink: t("permalink") };
  const render = (entries: ReaderLivePage["entries"]) => entries.map((e) => renderLiveEntry(e, labels, locale)).join("");
  const polls = live.page === 1 && live.state === "live";
  const hasEmbeds = [...live.pinned, ...live.entries].some((e) => e.html.includes("data-embed-src="));
  return (
    <section
      className="live"
      lang={locale}
      aria-labelledby="live-heading"
      data-live={polls ? `/api/live/${articleId}` : undefined}
      data-revision={live.revision}
      data-new-one={t.raw("newOne") as string}
      data-new-many={t.raw("newMany") as string}
      data-updated-one={t.raw("updatedOne") as string}
      data-updated-many={t.raw("updatedMany") as string}
      data-ended={t("endedNow")}
    >
      <h2 id="live-heading" className="live__heading">
        {t("heading")}
      </h2>
      <p className={`live__state live__state--${live.state}`}>
        <strong>{live.state === "live" ? t("live") : t("ended")}</strong>
        <LiveCoverage state={live.state} startedAt={live.startedAt} endedAt={live.endedAt} locale={locale} since={t("since")} ended={t("endedAt")} />
      </p>
      <p className="live__feed">
        <a href={`/feeds/live/${articleId}/rss.xml`} type="application/rss+xml">
          {t("feed")}
        </a>
      </p>
      <nav className="live__key-events" aria-labelledby="live-key-events" hidden={live.keyEvents.length === 0}>
        <h3 id="live-key-events">{t("keyEvents")}</h3>
        <ol dangerouslySetInnerHTML={{ __html: renderKeyEvents(live.keyEvents, (p) => livePagePath(live.path, p), live.page, locale) }} />
      </nav>
      {/* Announced politely; the button appears only when there is something to show. */}
      <div className="live__news" role="status" aria-live="polite">
        <button type="button" className="button live__show" hidden />
      </div>
      <ol className="live__pinned" aria-label={t("pinnedList")} hidden={live.pinned.length === 0} dangerouslySetInnerHTML={{ __html: render(live.pinned) }} />
      <ol className="live__entries" aria-label={t("entriesList")} dangerouslySetInnerHTML={{ __html: render(live.entries) }} />
      {live.entries.length === 0 && live.pinned.length === 0 && <p className="live__empty">{t("noEntries")}</p>}
      <Pager page={live.page} hasNext={live.page < live.pages} href={(p) => livePagePath(live.path, p)} label={t("pageOf", { page: live.page, pages: live.pages })} />
      {polls && <script async src="/live.js" />}
      {/* A running blog's next entry may bring an embed: the consent script waits for it. */}
      {(hasEmbeds || polls) && <script async src="/embed-consent.js" />}
    </section>
  );
}
