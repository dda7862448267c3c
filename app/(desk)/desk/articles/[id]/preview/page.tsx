import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { previewArticle } from "@/db/articles/preview";
import { getViewer } from "@/app/auth";
import { ArticleView } from "@/components/article/ArticleView";
import { ArticleNav } from "@/components/desk/ArticleNav";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("previewMetaTitle"), robots: { index: false, follow: false } };
}

/** The working copy through the reader's own component, for the desk only. */
export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  // The proxy keeps anonymous visitors out of /desk; this also catches revoked sessions.
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const { id } = await params;
  const preview = /^\d{1,9}$/.test(id) ? await previewArticle(Number(id)) : null;
  if (!preview) notFound();
  const t = await getTranslations("history");
  return (
    <>
      <ArticleNav articleId={preview.article.articleId} current="preview" />
      <div className="preview-banner" role="status">
        <strong>{t("previewBanner")}</strong>
        <span>{t("previewDetail", { version: preview.version })}</span>
        <span>
          {preview.liveVersion === null
            ? t("previewNeverPublished")
            : preview.liveVersion !== preview.version
              ? t("previewLiveDiffers", { version: preview.liveVersion })
              : null}
        </span>
      </div>
      <div className="preview-frame">
        <ArticleView article={preview.article} />
      </div>
    </>
  );
}
