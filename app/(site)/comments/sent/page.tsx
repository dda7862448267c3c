import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { CommentForm } from "@/components/article/ArticleComments";
import { cachedArticleById } from "@/db/reader-queries";
import { readCommentFeedback } from "@/lib/comments";
import { SITE_LOCALE } from "@/lib/i18n";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: SITE_LOCALE, namespace: "comments" });
  return { title: t("sentTitle"), robots: { index: false, follow: false } };
}

/**
 * Where a posted comment lands (see app/(site)/comments/route.ts): thanks and the way back to
 * the article, or — refused — the form again, filled in, with the reasons beside the fields.
 */
export default async function CommentSentPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const id = typeof params.article === "string" && /^\d{1,9}$/.test(params.article) ? Number(params.article) : 0;
  const article = id ? await cachedArticleById(id) : null;
  if (!article) notFound();
  const feedback = readCommentFeedback(params);
  const t = await getTranslations({ locale: article.language, namespace: "comments" });
  const refused = feedback.state === "invalid" || feedback.state === "limited" || feedback.state === "error";
  return (
    <div className="comments comments--sent" lang={article.language}>
      <h1 className="page-title">
        {refused ? t("notSentTitle") : t("sentTitle")}
      </h1>
      <p>
        {t("onArticle")} <Link href={article.path}>{article.headline}</Link>
      </p>
      {feedback.state === "pending" && (
        <p className="comments__notice" role="status">
          {t("pending")}
        </p>
      )}
      {feedback.state === "closed" && (
        <p className="comments__notice" role="status">
          {t("closed")}
        </p>
      )}
      {refused && <CommentForm articleId={id} language={article.language} feedback={feedback} />}
      <p>
        <Link href={`${article.path}#comments`}>{t("backToArticle")}</Link>
      </p>
    </div>
  );
}
