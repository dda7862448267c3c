import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { markAllRead } from "@/db/notifications/mark-all-read";
import { listNotifications } from "@/db/notifications/queries";
import { getViewer } from "@/app/auth";
import { formatDateTime } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("notifications");
  const locale = (await getLocale()) === "de" ? "de" : "en";
  const items = await listNotifications(viewer.id);
  async function markRead() {
    "use server";
    const who = await getViewer();
    if (!who) redirect("/signin");
    await markAllRead({ ctx: { viewer: who } });
    revalidatePath("/desk", "layout");
  }
  return (
    <>
      <div className="action-bar">
        <h1 style={{ margin: 0 }}>{t("title")}</h1>
        {items.some((n) => !n.read) && (
          <form action={markRead} style={{ marginLeft: "auto" }}>
            <button className="button" type="submit">
              {t("markAllRead")}
            </button>
          </form>
        )}
      </div>
      {items.length === 0 ? (
        <p className="empty-state">{t("empty")}</p>
      ) : (
        <ul className="notifications panel">
          {items.map((n) => (
            <li key={n.id} className={n.read ? undefined : "unread"}>
              {t(`kind.${n.kind as "submitted"}`, { actor: n.actor ?? t("someone"), headline: n.headline ?? "" })}{" "}
              {n.articleId && <Link href={`/desk/articles/${n.articleId}`}>{t("open")}</Link>}
              {" · "}
              <time dateTime={n.at}>{formatDateTime(n.at, locale)}</time>
              {n.note && n.kind !== "scheduled" && <p className="notifications__note">{n.note}</p>}
              {!n.read && <span className="visually-hidden">{` ${t("unread")}`}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
