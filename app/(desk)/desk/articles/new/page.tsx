import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { listSections } from "@/db/sections/queries";
import { getViewer } from "@/lib/auth";
import { ArticleEditor } from "@/components/editor/ArticleEditor";

export const metadata: Metadata = { title: "New article" };

export default async function NewArticlePage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const sections = await listSections();
  return (
    <>
      <h1>New article</h1>
      <ArticleEditor
        article={null}
        sections={sections}
        viewer={viewer}
      />
    </>
  );
}
