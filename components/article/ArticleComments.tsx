import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { COMMENT_NAME_MAX, COMMENT_TEXT_MAX, commentParagraphs, type CommentFeedback } from "@/lib/comments";
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/i18n";
import { PlainParagraphs } from "@/components/site/PlainParagraphs";

export type ArticleCommentsProps = {
  articleId: number;
  language: Locale;
  open: boolean;
  comments: { count: number; items: { id: number; authorName: string; body: string; createdAt: string }[] };
};

/**
 * Approved reader comments below an article, and the form to write one, in the article's
 * language. Server-rendered only, and the same for every reader (the article page is cached):
 * the form is a plain POST to /comments, which works without JavaScript and answers with its
 * own page (/comments/sent) — thanks, or the form again with what needs fixing.
 */
export async function ArticleComments({ articleId, language, open, comments }: ArticleCommentsProps) {
  const t = await getTranslations({ locale: language, namespace: "comments" });
  return (
    <section id="comments" className="comments" lang={language} aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t("heading", { count: comments.count })}</h2>
      {comments.items.length === 0 ? (
        <p className="empty-state">{t("none")}</p>
      ) : (
        <ol className="comments__list">
          {comments.items.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} className="comment">
              <p className="comment__meta">
                <span className="comment__name">{c.authorName}</span>
                <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, language)}</time>
              </p>
              <div className="comment__text">
                <PlainParagraphs paragraphs={commentParagraphs(c.body)} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {open ? <CommentForm articleId={articleId} language={language} feedback={{ state: null }} /> : <p className="comments__closed">{t("closed")}</p>}
    </section>
  );
}

/** The form for a new comment; after a refused attempt, with the reasons beside the fields. */
export async function CommentForm({ articleId, language, feedback }: { articleId: number; language: Locale; feedback: CommentFeedback }) {
  const t = await getTranslations({ locale: language, namespace: "comments" });
  const tAll = await getTranslations({ locale: language });
  const fieldError = (key: string | undefined) => (key ? tAll(`validation.${key}` as "validation.invalidValue") : null);
  const nameError = fieldError(feedback.nameError);
  const textError = fieldError(feedback.textError);
  const formError =
    feedback.state === "limited"
      ? tAll("errors.commentRateLimited", { minutes: feedback.minutes ?? 10 })
      : feedback.state === "error"
        ? tAll("errors.generic")
        : feedback.state === "invalid" && !nameError && !textError
          ? t("failed")
          : null;
  return (
    <form id="comment-form" className="comment-form" method="post" action="/comments" aria-labelledby="comment-form-heading">
      <h3 id="comment-form-heading">{t("formHeading")}</h3>
      <p className="comment-form__guidelines">
        {t.rich("guidelines", { link: (chunks) => <Link href="/community-standards">{chunks}</Link> })}
      </p>
      {formError && (
        <p className="field__error comment-form__error" role="alert">
          {formError}
        </p>
      )}
      <input type="hidden" name="articleId" value={articleId} />
      <div className="field">
        <label htmlFor="comment-name">{t("nameLabel")}</label>
        <input
          id="comment-name"
          name="name"
          type="text"
          autoComplete="name"
          required
          maxLength={COMMENT_NAME_MAX}
          defaultValue={feedback.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "comment-name-error comment-name-hint" : "comment-name-hint"}
        />
        {nameError && (
          <p className="field__error" id="comment-name-error">
            {nameError}
          </p>
        )}
        <p className="field__hint" id="comment-name-hint">
          {t("nameHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="comment-text">{t("textLabel")}</label>
        <textarea
          id="comment-text"
          name="text"
          rows={6}
          required
          maxLength={COMMENT_TEXT_MAX}
          defaultValue={feedback.text}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? "comment-text-error comment-text-hint" : "comment-text-hint"}
        />
        {textError && (
          <p className="field__error" id="comment-text-error">
            {textError}
          </p>
        )}
        <p className="field__hint" id="comment-text-hint">
          {t("textHint")}
        </p>
      </div>
      {/* The honeypot: off screen and hidden from assistive technology, so only bots fill it. */}
      <div className="comment-form__trap" aria-hidden="true">
        <label htmlFor="comment-website">{t("honeypotLabel")}</label>
        <input id="comment-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button className="button button--primary" type="submit">
        {t("submit")}
      </button>
    </form>
  );
}
