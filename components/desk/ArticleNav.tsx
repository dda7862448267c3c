import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** Editor · History · Preview of one article, above each of those pages. */
export async function ArticleNav({ articleId, current }: { articleId: number; current: "edit" | "history" | "preview" }) {
  const t = await getTranslations("history");
  const base = `/desk/articles/${articleId}`;
  const links = [
    { key: "edit", href: base, label: t("editLink") },
    { key: "history", href: `${base}/history`, label: t("historyLink") },
    { key: "preview", href: `${base}/preview`, label: t("previewLink") },
  ] as const;
  return (
    <nav className="article-nav" aria-label={t("articleNav")}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <Link href={l.href} aria-current={l.key === current ? "page" : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
