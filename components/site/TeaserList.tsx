import type { ArticleTeaser } from "@/lib/reader/types";
import { Teaser } from "./Teaser";

/**
 * A list of article teasers with thumbnails (section, tag, author, later pages). The first
 * picture is the page's likely largest: it loads first, the others lazily.
 */
export function TeaserList({ items, eagerFirst = true, label = true }: { items: ArticleTeaser[]; eagerFirst?: boolean; label?: boolean }) {
  const firstPictured = eagerFirst ? items.findIndex((i) => i.leadImage) : -1;
  return (
    <ol className="teaser-list">
      {items.map((item, i) => (
        <li key={item.id}>
          <Teaser item={item} size="list" priority={i === firstPictured && i < 3} label={label} />
        </li>
      ))}
    </ol>
  );
}
