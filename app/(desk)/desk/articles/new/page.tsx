import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listSections } from "@/db/sections/queries";
import { getViewer } from "@/app/auth";
import { NewArticleStart } from "@/components/editor/NewArticleStart";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("newTitle") };
}

export default async function NewArticlePage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const sections = await listSections();
  return (
    <>
      <h1>{(await getTranslations("desk"))("newTitle")}</h1>
      <NewArticleStart sections={sections} viewer={{ id: viewer.id }} />
    </>
  );
}
