// The person's signed-in sessions (browser, address, when), each with its own sign-out, and
// "sign out everywhere". Plain forms: they work without JavaScript.
import { getLocale, getTranslations } from "next-intl/server";
import { endAllSessionsAction, endSessionAction } from "@/app/(desk)/desk/profile/actions";
import { formatDateTime, formatRelative } from "@/lib/dates";
import { isLocale } from "@/lib/i18n";
import type { SessionSummary } from "@/lib/session-policy";
import { TableScroll } from "@/components/ui/TableScroll";

function duration(seconds: number, locale: string): string {
  const [value, unit] = seconds % 3600 === 0 ? [seconds / 3600, "hour"] : [Math.round(seconds / 60), "minute"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
}

export async function SessionList({ sessions, idleSeconds, maxSeconds }: { sessions: SessionSummary[]; idleSeconds: number; maxSeconds: number }) {
  const t = await getTranslations("profile");
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  return (
    <>
      <p>{t("sessionsIntro", { idle: duration(idleSeconds, locale), max: duration(maxSeconds, locale) })}</p>
      <TableScroll name={t("sessionsHeading")}>
        <table className="session-list">
          <thead>
            <tr>
              <th scope="col">{t("sessionBrowser")}</th>
              <th scope="col">{t("sessionAddress")}</th>
              <th scope="col">{t("sessionSignedIn")}</th>
              <th scope="col">{t("sessionLastSeen")}</th>
              <th scope="col">{t("sessionActions")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const lastSeen = formatRelative(s.lastSeenAt, locale);
              return (
                <tr key={s.id}>
                  <td>
                    {s.browser}
                    {s.current && <strong> ({t("thisSession")})</strong>}
                  </td>
                  <td>{s.address ?? t("unknownAddress")}</td>
                  <td>{formatDateTime(s.createdAt, locale)}</td>
                  <td>{lastSeen}</td>
                  <td>
                    <form action={endSessionAction}>
                      <input type="hidden" name="id" value={s.id} />
                      <button type="submit" aria-label={t("signOutSessionNamed", { browser: s.current ? `${s.browser} (${t("thisSession")})` : s.browser, lastSeen })}>
                        {t("signOutSession")}
                      </button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      <form action={endAllSessionsAction}>
        <button type="submit">{t("signOutEverywhere")}</button>
      </form>
    </>
  );
}
