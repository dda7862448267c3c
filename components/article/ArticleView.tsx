import Link from "next/link";
import type { PublishedArticle } from "@/db/publications/queries";
import { formatDateTime } from "@/lib/dates";

const LABELS = {
  de: { by: "Von", published: "Veröffentlicht", updated: "Aktualisiert", related: "Zum Thema", tags: "Themen" },
  en: { by: "By", published: "Published", updated: "Updated", related: "Related", tags: "Topics" },
} as const;

/** The reader's article: everything comes from the publication snapshot, body pre-rendered. */
export function ArticleView({ article }: { article: PublishedArticle }) {
  const t = LABELS[article.language];
  const updated = new Date(article.updatedAt).getTime() - new Date(article.publishedAt).getTime() > 60_000;
  return (
    <article className="article" lang={article.language}>
      <header>
        <Link className="article__section" href={`/${article.sectionSlug}`}>
          {article.sectionName}
        </Link>
        <h1 className="article__headline">{article.headline}</h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        <div className="article__meta">
          {article.bylines.length > 0 && (
            <span className="article__byline">
              {t.by}{" "}
              {article.bylines.map((b, i) => (
                <span key={b.slug}>
                  {i > 0 && (i === article.bylines.length - 1 ? (article.language === "de" ? " und " : " and ") : ", ")}
                  <Link href={`/authors/${b.slug}`} rel="author">
                    {b.name}
                  </Link>
                </span>
              ))}
            </span>
          )}
          <span>
            {t.published} <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
          </span>
          {updated && (
            <span>
              {t.updated} <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
            </span>
          )}
        </div>
      </header>
      {/* Rendered from TipTap JSON and sanitized with an allowlist at publish time. */}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {(article.related.length > 0 || article.tags.length > 0) && (
        <footer className="article__footer">
          {article.related.length > 0 && (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">{t.related}</h2>
              <ul className="related-list">
                {article.related.map((r) => (
                  <li key={r.href}>
                    {r.external ? (
                      <a href={r.href} rel="noopener noreferrer">
                        {r.title}
                      </a>
                    ) : (
                      <Link href={r.href}>{r.title}</Link>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {article.tags.length > 0 && (
            <section aria-labelledby="tags-heading">
              <h2 id="tags-heading">{t.tags}</h2>
              <ul className="tag-list">
                {article.tags.map((tag) => (
                  <li key={tag.slug}>
                    <Link href={`/tags/${tag.slug}`}>{tag.name}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </footer>
      )}
    </article>
  );
}
