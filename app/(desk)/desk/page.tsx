import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDeskOverview } from "@/db/articles/queries";
import { getViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { ArticleTable } from "@/components/desk/ArticleTable";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("metaTitle") };
}

export default async function DeskPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("desk");
  const overview = await getDeskOverview(viewer);
  const reviews = can(viewer, "article.publish");
  return (
    <>
      <div className="action-bar">
        <h1 style={{ margin: 0 }}>{t("dashboard")}</h1>
        <Link className="button button--primary" href="/desk/articles/new" style={{ marginLeft: "auto" }}>
          {t("newArticle")}
        </Link>
      </div>
      {reviews && (
        <section className="panel" aria-labelledby="review-heading">
          <h2 id="review-heading">
            {t("awaitingReview")} <span className="count">{overview.awaitingReview.length}</span>
          </h2>
          <ArticleTable articles={overview.awaitingReview} empty={t("nothingAwaitingReview")} />
        </section>
      )}
      <section className="panel" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">
          {t("myDrafts")} <span className="count">{overview.myDrafts.length}</span>
        </h2>
        <ArticleTable articles={overview.myDrafts} empty={t("noDrafts")} />
      </section>
      {!reviews && overview.awaitingReview.length > 0 && (
        <section className="panel" aria-labelledby="inreview-heading">
          <h2 id="inreview-heading">
            {t("inReview")} <span className="count">{overview.awaitingReview.length}</span>
          </h2>
          <ArticleTable articles={overview.awaitingReview} empty="" />
        </section>
      )}
      <section className="panel" aria-labelledby="published-heading">
        <h2 id="published-heading">{t("recentlyPublished")}</h2>
        <ArticleTable articles={overview.published} empty={t("nothingPublished")} />
      </section>
    </>
  );
}
