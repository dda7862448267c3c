import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getArticleForEdit } from "@/db/articles/queries";
import { listSections } from "@/db/sections/queries";
import { getViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { canTransition } from "@/lib/workflow";
import { ArticleEditor } from "@/components/editor/ArticleEditor";

export const metadata: Metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const { id } = await params;
  const article = /^\d{1,9}$/.test(id) ? await getArticleForEdit(Number(id)) : null;
  if (!article) notFound();
  const sections = await listSections();
  const rights = {
    edit: can(viewer, "article.edit", article),
    submit: can(viewer, "article.submit", article) && canTransition(article.status, "submit"),
    publish: can(viewer, "article.publish", article) && canTransition(article.status, "publish"),
    requestChanges: can(viewer, "article.request_changes", article) && canTransition(article.status, "request_changes"),
  };
  return (
    <>
      <h1 className="visually-hidden">Edit article</h1>
      <ArticleEditor
        article={{
          ...article,
          hasUnpublishedChanges: article.publishedVersion !== null && article.version > article.publishedVersion,
        }}
        sections={sections}
        can={rights}
      />
    </>
  );
}
