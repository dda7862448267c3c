import { connection } from "next/server";
import { listLatest } from "@/db/publications/queries";
import { TeaserList } from "@/components/site/TeaserList";

export default async function HomePage() {
  await connection();
  const latest = await listLatest({ limit: 30 });
  return (
    <>
      <h1 className="visually-hidden">Aktuelle Nachrichten</h1>
      {latest.length ? (
        <TeaserList items={latest} lead />
      ) : (
        <p className="empty-state">Noch keine Artikel veröffentlicht.</p>
      )}
    </>
  );
}
