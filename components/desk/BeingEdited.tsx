import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ArticleBeingEdited } from "@/lib/desk/types";
import { colorFor, initialsOf } from "@/lib/editor/presence";

/** The dashboard's "being edited now" list: which articles have people in them, and who. */
export async function BeingEdited({ articles }: { articles: ArticleBeingEdited[] }) {
  const t = await getTranslations();
  if (articles.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="being-edited-heading">
      <h2 id="being-edited-heading">
        {t("desk.beingEditedHeading")} <span className="count">{articles.length}</span>
      </h2>
      <ul className="being-edited-list">
        {articles.map((a) => (
          <li key={a.articleId}>
            <Link href={`/desk/articles/${a.articleId}`}>{a.headline || t("desk.untitled")}</Link>
            <span className="being-edited">
              {" · "}
              {t("editor.beingEditedBy", { names: a.people.map((p) => p.name).join(", ") })}
            </span>
            <span aria-hidden="true">
              {a.people.map((p) => (
                <span key={p.id} className="presence__badge" style={{ background: colorFor(p.id), marginLeft: ".25rem" }}>
                  {initialsOf(p.name)}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
