import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDeskOverview } from "@/db/articles/queries";
import { getViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { ArticleTable } from "@/components/desk/ArticleTable";

export const metadata: Metadata = { title: "Desk" };

export default async function DeskPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const overview = await getDeskOverview(viewer);
  const reviews = can(viewer, "article.publish");
  return (
    <>
      <div className="action-bar">
        <h1 style={{ margin: 0 }}>Dashboard</h1>
        <Link className="button button--primary" href="/desk/articles/new" style={{ marginLeft: "auto" }}>
          New article
        </Link>
      </div>
      {reviews && (
        <section className="panel" aria-labelledby="review-heading">
          <h2 id="review-heading">
            Awaiting review <span className="count">{overview.awaitingReview.length}</span>
          </h2>
          <ArticleTable articles={overview.awaitingReview} empty="Nothing is waiting for review." />
        </section>
      )}
      <section className="panel" aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">
          My drafts <span className="count">{overview.myDrafts.length}</span>
        </h2>
        <ArticleTable articles={overview.myDrafts} empty="You have no drafts. Start a new article." />
      </section>
      {!reviews && overview.awaitingReview.length > 0 && (
        <section className="panel" aria-labelledby="inreview-heading">
          <h2 id="inreview-heading">
            In review <span className="count">{overview.awaitingReview.length}</span>
          </h2>
          <ArticleTable articles={overview.awaitingReview} empty="" />
        </section>
      )}
      <section className="panel" aria-labelledby="published-heading">
        <h2 id="published-heading">Recently published</h2>
        <ArticleTable articles={overview.published} empty="Nothing published yet." />
      </section>
    </>
  );
}
