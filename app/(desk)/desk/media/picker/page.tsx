import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth";
import { PickerPreview } from "@/components/media/PickerPreview";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("media");
  return { title: t("demoTitle") };
}

/** The media picker on its own, until the article editor uses it for lead images and figures. */
export default async function PickerPreviewPage() {
  if (!(await getViewer())) redirect("/signin");
  const t = await getTranslations("media");
  return (
    <>
      <h1>{t("demoTitle")}</h1>
      <p>{t("demoIntro")}</p>
      <PickerPreview />
    </>
  );
}
