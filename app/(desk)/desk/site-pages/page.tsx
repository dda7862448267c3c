import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/desk/NotAllowed";
import { getSitePage } from "@/db/site-pages/queries";
import { getViewer } from "@/app/auth";
import { can } from "@/lib/permissions";
import { SITE_PAGE_SLUGS } from "@/lib/site-pages";
import { SitePageForm } from "@/components/desk/SitePageForm";
import { updateSitePageAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sitePages");
  return { title: t("title") };
}

/** Imprint and privacy page, for admins (the verb refuses anyone else regardless). */
export default async function SitePagesPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("sitePages");
  if (!can(viewer, "site.pages")) {
    return <NotAllowed title={t("title")} message={t("notAllowed")} back={t("backToDesk")} />;
  }
  const pages = await Promise.all(SITE_PAGE_SLUGS.map((slug) => getSitePage(slug)));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="field__hint">{t("intro")}</p>
      {pages.map((page) => (
        <section key={page.slug} className="panel" aria-labelledby={`page-${page.slug}`}>
          <h2 id={`page-${page.slug}`}>
            <Link href={`/${page.slug}`}>{`/${page.slug}`}</Link>
          </h2>
          <SitePageForm slug={page.slug} title={page.title} body={page.body} action={updateSitePageAction} />
        </section>
      ))}
    </>
  );
}
