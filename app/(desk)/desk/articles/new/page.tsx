import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listSections } from "@/db/sections/queries";
import { listNewsroomUsers } from "@/db/users/queries";
import { getViewer } from "@/lib/auth";
import { NEWSROOM_TIME_ZONE } from "@/lib/dates";
import { ArticleEditor } from "@/components/editor/ArticleEditor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("newTitle") };
}

export default async function NewArticlePage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const sections = await listSections();
  const people = await listNewsroomUsers();
  return (
    <>
      <h1>{(await getTranslations("desk"))("newTitle")}</h1>
      <ArticleEditor
        article={null}
        sections={sections}
        people={people}
        timeZone={NEWSROOM_TIME_ZONE}
        viewer={viewer}
      />
    </>
  );
}
