import Link from "next/link";
import type { ArticleTeaser } from "@/db/publications/queries";
import { formatDateTime } from "@/lib/dates";

/** A list of article teasers; the first one can be the lead story. */
export function TeaserList({ items, lead = false }: { items: ArticleTeaser[]; lead?: boolean }) {
  return (
    <ol className="teaser-list">
      {items.map((item, i) => (
        <li key={item.id} className={lead && i === 0 ? "teaser teaser--lead" : "teaser"} lang={item.language}>
          <article>
            <Link className="teaser__kicker" href={`/${item.sectionSlug}`}>
              {item.sectionName}
            </Link>
            <h2 className="teaser__headline">
              <Link href={item.href}>{item.headline}</Link>
            </h2>
            {item.standfirst && <p className="teaser__standfirst">{item.standfirst}</p>}
            <p className="teaser__meta">
              {item.bylines.map((b) => b.name).join(", ")}
              {item.bylines.length > 0 && " · "}
              <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, item.language)}</time>
            </p>
          </article>
        </li>
      ))}
    </ol>
  );
}
