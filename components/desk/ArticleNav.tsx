import Link from "next/link";
import { useTranslations } from "next-intl";

/** Editor · History · Preview of one article, above each of those pages (server or client: no hooks but next-intl's). */
export function ArticleNav({ articleId, current }: { articleId: number; current: "edit" | "history" | "preview" }) {
  const t = useTranslations("history");
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
