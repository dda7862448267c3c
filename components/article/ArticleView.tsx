import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReaderArticle } from "@/lib/reader/types";
import { formatDateTime } from "@/lib/dates";
import { siteOrigin } from "@/lib/site-url";
import { CopyLinkButton } from "./CopyLinkButton";
import { ViewBeacon } from "./ViewBeacon";

/**
 * The reader's article, labelled in the article's own language. Everything comes from the
 * publication snapshot; the body was rendered and sanitized at publish time. `views` is given
 * on the reader's page only: it shows the count and sends the view beacon (the desk preview
 * does neither).
 */
export async function ArticleView({ article, views }: { article: ReaderArticle; views?: number }) {
  const t = await getTranslations({ locale: article.language, namespace: "article" });
  const updated = new Date(article.updatedAt).getTime() - new Date(article.publishedAt).getTime() > 60_000;
  const count = article.bylines.length;
  const shortPath = `/a/${article.articleId}`;
  return (
    <article className="article" lang={article.language}>
      <header>
        <Link className="article__section" href={`/${article.sectionSlug}`}>
          {article.sectionName}
        </Link>
        <h1 className="article__headline">{article.headline}</h1>
        {article.standfirst && <p className="article__standfirst">{article.standfirst}</p>}
        <div className="article__meta">
          {count > 0 && (
            <span className="article__byline">
              {`${t("by")} `}
              {article.bylines.map((b, i) => (
                <span key={b.slug}>
                  {i > 0 && (i === count - 1 ? ` ${t("and")} ` : ", ")}
                  <Link href={`/authors/${b.slug}`} rel="author">
                    {b.name}
                  </Link>
                </span>
              ))}
            </span>
          )}
          <span>
            {`${t("published")} `}
            <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt, article.language)}</time>
          </span>
          {updated && (
            <span>
              {`${t("updated")} `}
              <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt, article.language)}</time>
            </span>
          )}
        </div>
      </header>
      {article.leadImage && (
        <figure className="article__lead">
          {/* eslint-disable-next-line @next/next/no-img-element -- pre-sized variants from the media library */}
          <img
            src={article.leadImage.src}
            srcSet={article.leadImage.srcset}
            sizes="(min-width: 48rem) 40rem, 100vw"
            alt={article.leadImage.alt}
            width={article.leadImage.width}
            height={article.leadImage.height}
            fetchPriority="high"
          />
          {(article.leadImage.caption || article.leadImage.credit) && (
            <figcaption>
              {article.leadImage.caption && <span className="figure__caption">{article.leadImage.caption}</span>}
              {article.leadImage.credit && <span className="figure__credit">{article.leadImage.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {/* The article's tools, in one compact row below the picture (not between headline and picture). */}
      <div className="article-tools" role="group" aria-label={t("tools")}>
        <span className="article__short">
          {`${t("shortLink")}: `}
          <a href={shortPath}>{`${siteOrigin()}${shortPath}`}</a>{" "}
          <CopyLinkButton path={shortPath} label={t("copyLink")} copied={t("copied")} failed={t("copyFailed")} />
        </span>
        <a className="article-tools__share" href={`mailto:?subject=${encodeURIComponent(article.headline)}&body=${encodeURIComponent(`${siteOrigin()}${shortPath}`)}`}>
          {t("shareByMail")}
        </a>
        <a className="article-tools__feed" href={`/feeds/section/${article.sectionSlug}/rss.xml`} type="application/rss+xml">
          {t("sectionFeed", { section: article.sectionName })}
        </a>
        {article.bylines.map((b) => (
          <a key={b.slug} className="article-tools__feed" href={`/feeds/author/${b.slug}/rss.xml`} type="application/rss+xml">
            {t("authorFeed", { name: b.name })}
          </a>
        ))}
        {views !== undefined && <span className="article__views">{t("views", { count: views })}</span>}
      </div>
      {views !== undefined && <ViewBeacon articleId={article.articleId} />}
      <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      {/* Embeds wait for the reader's consent: a tiny standalone script, only where there are embeds. */}
      {article.bodyHtml.includes("data-embed-src=") && <script async src="/embed-consent.js" />}
      {article.corrections.length > 0 && (
        <section className="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{t("corrections")}</h2>
          <ol>
            {article.corrections.map((c, i) => (
              <li key={i}>
                <strong>{t(c.kind === "correction" ? "correction" : "update")}</strong>
                {" ("}
                <time dateTime={c.at}>{formatDateTime(c.at, article.language)}</time>
                {"): "}
                {c.text}
              </li>
            ))}
          </ol>
        </section>
      )}
      {(article.related.length > 0 || article.tags.length > 0) && (
        <footer className="article__footer">
          {article.related.length > 0 && (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">{t("related")}</h2>
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
              <h2 id="tags-heading">{t("tags")}</h2>
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
