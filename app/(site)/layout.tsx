import Link from "next/link";
import { connection } from "next/server";
import { listSections } from "@/db/sections/queries";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  await connection(); // reader pages read the database: never at build time
  const sections = await listSections();
  return (
    <>
      <a className="skip-link" href="#main">Zum Inhalt springen</a>
      <header className="masthead">
        <Link href="/" className="masthead__title">Copydesk</Link>
        <p className="masthead__tagline">Nachrichten · News</p>
        <nav aria-label="Ressorts" className="section-nav">
          <ul>
            {sections.map((s) => (
              <li key={s.id}>
                <Link href={`/${s.slug}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" className="site-main">
        {children}
      </main>
      <footer className="site-footer">
        <p>© Copydesk-Redaktion · <Link href="/desk">Redaktion (Anmeldung)</Link></p>
      </footer>
    </>
  );
}
