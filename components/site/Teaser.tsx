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

/**
 * `sizes` per teaser size: the width the picture takes in the layout (app/globals.css), so the
 * browser fetches the smallest rendition that still fills it. The page's column is 72rem at most
 * less 1.25rem padding each side (`.site-main`): 100vw − 2.5rem below that.
 */
const IMAGE_SIZES: Record<TeaserSize, string | null> = {
  // Full column below 64rem; above, two thirds of it beside the secondary stories (2rem gap).
  lead: "(min-width: 72rem) 45rem, (min-width: 64rem) calc((100vw - 4.5rem) * 2 / 3), calc(100vw - 2.5rem)",
  secondary: "(min-width: 40rem) 9rem, 7rem",
  // `.front-blocks`: as many 18rem-or-wider columns as fit, 2rem apart — three from 60.5rem, two from 40.5rem.
  block: "(min-width: 72rem) calc(65.5rem / 3), (min-width: 60.5rem) calc((100vw - 6.5rem) / 3), (min-width: 40.5rem) calc((100vw - 4.5rem) / 2), calc(100vw - 2.5rem)",
  brief: null,
  list: "(min-width: 40rem) 12rem, 7rem",
};

/**
 * Where a front arranges a teaser other than its size's usual way (app/globals.css, 64rem and
 * wider): `alone`, a lead with nothing beside it, keeps a 46rem reading width; `in-row`, a
 * secondary story in the row of four beneath a lead without a picture, takes a quarter of the
 * column less three 1.5rem gaps.
 */
export type TeaserPlacement = "alone" | "in-row";
const PLACED_SIZES: Record<TeaserPlacement, string> = {
  alone: "(min-width: 64rem) 46rem, calc(100vw - 2.5rem)",
  "in-row": "(min-width: 72rem) 16.25rem, (min-width: 64rem) calc((100vw - 7rem) / 4), (min-width: 40rem) 9rem, 7rem",
};

/**
 * One article teaser: section label, headline (the link; the whole card is clickable through
 * it), standfirst where the slot is large, the lead image as a responsive srcset of the media
 * library's variants. `priority`: the page's largest picture (its LCP) loads first and eagerly;
 * every other picture loads lazily.
 */
export function Teaser({
  item,
  size,
  priority = false,
  headingLevel = 2,
  label = true,
  placement,
}: {
  item: ArticleTeaser;
  size: TeaserSize;
  priority?: boolean;
  headingLevel?: 2 | 3;
  label?: boolean;
  placement?: TeaserPlacement;
}) {
  const H = `h${headingLevel}` as const;
  const sizes = IMAGE_SIZES[size] && placement ? PLACED_SIZES[placement] : IMAGE_SIZES[size];
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
