import Link from "next/link";
import { redirect } from "next/navigation";
import { getViewer, signOut } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/permissions";

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  // The proxy already sent anonymous visitors to sign in; this also catches revoked sessions.
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  async function signOutAction() {
    "use server";
    await signOut({ redirectTo: "/signin" });
  }
  return (
    <div className="desk">
      <header className="desk-header">
        <Link href="/desk" className="desk-header__brand">Copydesk</Link>
        <nav aria-label="Desk">
          <ul>
            <li><Link href="/desk">Dashboard</Link></li>
            <li><Link href="/desk/articles/new">New article</Link></li>
            <li><Link href="/">Live site</Link></li>
          </ul>
        </nav>
        <div className="desk-header__user">
          <span>
            {viewer.name} · {ROLE_LABELS[viewer.role]}
          </span>
          <form action={signOutAction}>
            <button className="button button--ghost" type="submit">Sign out</button>
          </form>
        </div>
      </header>
      <main className="desk-main" id="main">
        {children}
      </main>
    </div>
  );
}
