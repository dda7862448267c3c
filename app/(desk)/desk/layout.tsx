import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer, signOut } from "@/app/auth";
import { countUnread } from "@/db/notifications/queries";
import { can } from "@/lib/permissions";
import { LanguagePicker } from "@/components/desk/LanguagePicker";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  // The proxy already sent anonymous visitors to sign in; this also catches revoked sessions.
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations();
  const unread = await countUnread(viewer.id);
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <div className="desk">
      <header className="desk-header">
        <Link href="/desk" className="desk-header__brand">
          Copydesk
        </Link>
        <nav aria-label={t("desk.navLabel")}>
          <ul>
            <li>
              <Link href="/desk">{t("desk.dashboard")}</Link>
            </li>
            <li>
              <Link href="/desk/articles/new">{t("desk.newArticle")}</Link>
            </li>
            <li>
              <Link href="/desk/media">{t("desk.media")}</Link>
            </li>
            {can(viewer, "comment.moderate") && (
              <li>
                <Link href="/desk/comments">{t("desk.comments")}</Link>
              </li>
            )}
            {can(viewer, "front.arrange") && (
              <li>
                <Link href="/desk/front">{t("desk.front")}</Link>
              </li>
            )}
            {can(viewer, "taxonomy.manage") && (
              <li>
                <Link href="/desk/taxonomy">{t("desk.taxonomy")}</Link>
              </li>
            )}
            {can(viewer, "site.pages") && (
              <li>
                <Link href="/desk/site-pages">{t("desk.sitePages")}</Link>
              </li>
            )}
            {can(viewer, "user.manage") && (
              <li>
                <Link href="/desk/users">{t("desk.users")}</Link>
              </li>
            )}
            {can(viewer, "audit.read") && (
              <li>
                <Link href="/desk/audit">{t("desk.audit")}</Link>
              </li>
            )}
            <li>
              <Link href="/">{t("desk.liveSite")}</Link>
            </li>
          </ul>
        </nav>
        <div className="desk-header__user">
          <Link href="/desk/notifications" className="desk-header__notifications">
            {t("notifications.headerLink")}
            {unread > 0 && (
              <span className="badge" aria-hidden="true">
                {unread}
              </span>
            )}
            <span className="visually-hidden">{` (${t("notifications.headerUnread", { count: unread })})`}</span>
          </Link>
          <Link href="/desk/profile">{t("desk.userLabel", { name: viewer.name, role: t(`roles.${viewer.role}`) })}</Link>
          <LanguagePicker current={viewer.locale ?? null} />
          <form action={signOutAction}>
            <button className="button button--ghost" type="submit">
              {t("desk.signOut")}
            </button>
          </form>
        </div>
      </header>
      <main className="desk-main" id="main">
        {children}
      </main>
    </div>
  );
}
