import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { listLatest } from "@/db/publications/queries";
import { SITE_LOCALE } from "@/lib/i18n";
import { TeaserList } from "@/components/site/TeaserList";

export default async function HomePage() {
  await connection();
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "site" });
  const latest = await listLatest({ limit: 30 });
  return (
    <>
      <h1 className="visually-hidden">{t("latestHeading")}</h1>
      {latest.length ? <TeaserList items={latest} lead /> : <p className="empty-state">{t("noArticles")}</p>}
    </>
  );
}
