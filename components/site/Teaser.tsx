import Link from "next/link";
import type { ArticleTeaser } from "@/lib/reader/types";
import { formatDateTime } from "@/lib/dates";
import { SITE_LOCALE } from "@/lib/i18n";

/**
 * How big a teaser is, and what it shows: the lead story the picture at full column width and
 * the standfirst; a secondary story a thumbnail; a list entry a thumbnail and the standfirst;
 * a block's first entry a picture, the others only their headline.
 */
export type TeaserSize = "lead" | "secondary" | "block" | "brief" | "list";

/** `sizes` per teaser size: the width the picture takes in the layout (app/globals.css). */
const IMAGE_SIZES: Record<TeaserSize, string | null> = {
  lead: "(min-width: 64rem) 45rem, 100vw",
  secondary: "(min-width: 40rem) 9rem, 7rem",
  block: "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw",
  brief: null,
  list: "(min-width: 40rem) 12rem, 7rem",
};

/**
 * One article teaser: section label, headline (the link; the whole card is clickable through
 * it), standfirst where the slot is large, the lead image as a responsive srcset of the media
 * library's variants. `priority`: the page's largest picture (its LCP) loads first and eagerly;
 * every other picture loads lazily.
 */
export function Teaser({ item, size, priority = false, headingLevel = 2, label = true }: { item: ArticleTeaser; size: TeaserSize; priority?: boolean; headingLevel?: 2 | 3; label?: boolean }) {
  const H = `h${headingLevel}` as const;
  const sizes = IMAGE_SIZES[size];
  const image = sizes ? item.leadImage : null;
  return (
    <article className={`teaser teaser--${size}${image ? " teaser--pictured" : ""}`}>
      {image && (
        // eslint-disable-next-line @next/next/no-img-element -- pre-sized WebP variants from the media library
        <img
          className="teaser__image"
          src={image.src}
          srcSet={image.srcset}
          sizes={sizes!}
          alt={image.alt}
          width={image.width}
          height={image.height}
          loading={priority ? "eager" : "lazy"}
          fetchPriority={priority ? "high" : undefined}
          decoding={priority ? "sync" : "async"}
        />
      )}
      <div className="teaser__text">
        {label && (
          <Link className="teaser__kicker" href={`/${item.sectionSlug}`}>
            {item.sectionName}
          </Link>
        )}
        <H className="teaser__headline" lang={item.language}>
          <Link href={item.href}>{item.headline}</Link>
        </H>
        {(size === "lead" || size === "list") && item.standfirst && (
          <p className="teaser__standfirst" lang={item.language}>
            {item.standfirst}
          </p>
        )}
        {size !== "brief" && (
          <p className="teaser__meta">
            {item.bylines.map((b) => b.name).join(", ")}
            {item.bylines.length > 0 && " · "}
            <time dateTime={item.publishedAt}>{formatDateTime(item.publishedAt, SITE_LOCALE)}</time>
          </p>
        )}
      </div>
    </article>
  );
}
