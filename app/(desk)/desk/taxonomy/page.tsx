import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotAllowed } from "@/components/desk/NotAllowed";
import { listSections } from "@/db/sections/queries";
import { listTagOptions, listTagsWithCounts } from "@/db/tags/queries";
import { getViewer } from "@/app/auth";
import { can } from "@/lib/permissions";
import { TaxonomyForm } from "@/components/desk/TaxonomyForm";
import { TableScroll } from "@/components/ui/TableScroll";
import {
  createSectionAction,
  createTagAction,
  deleteTagAction,
  mergeTagsAction,
  moveSectionAction,
  renameSectionAction,
  renameTagAction,
} from "./actions";

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[]; merge?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("taxonomy");
  return { title: t("metaTitle") };
}

/** Tags and sections, for editors and admins. The verbs refuse anyone else regardless. */
export default async function TaxonomyPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("taxonomy");
  if (!can(viewer, "taxonomy.manage")) {
    return <NotAllowed title={t("title")} message={t("notAllowed")} back={t("backToDesk")} />;
  }
  const params = await searchParams;
  // The "merge into" choice lists every tag, so only the row being merged renders it.
  const merging = Number(first(params.merge)) || null;
  const [list, options, sections] = await Promise.all([
    listTagsWithCounts({ q: first(params.q), page: first(params.page) }),
    merging ? listTagOptions() : [],
    listSections(),
  ]);
  const href = (query: { page?: number; merge?: number }) =>
    `/desk/taxonomy?${new URLSearchParams({
      ...(list.q ? { q: list.q } : {}),
      ...(query.page ?? list.page) > 1 ? { page: String(query.page ?? list.page) } : {},
      ...(query.merge ? { merge: String(query.merge) } : {}),
    })}`;
  const pageHref = (page: number) => href({ page });
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="panel" aria-labelledby="tags-heading">
        <h2 id="tags-heading">
          {t("tagsHeading")} <span className="count">{t("tagCount", { count: list.total })}</span>
        </h2>
        <p className="field__hint">{t("tagsHint")}</p>
        <TaxonomyForm
          action={createTagAction}
          field={{ kind: "text", name: "name", label: t("newTag"), maxLength: 60 }}
          submit={t("createTag")}
          resetOnSuccess
          className="taxonomy-form--create"
        />
        <form role="search" action="/desk/taxonomy" className="taxonomy-search">
          <label htmlFor="taxonomy-q">{t("searchLabel")}</label>
          <input id="taxonomy-q" name="q" type="search" defaultValue={list.q} maxLength={100} />
          <button className="button" type="submit">
            {t("searchSubmit")}
          </button>
          {list.q && (
            <Link className="button button--ghost" href="/desk/taxonomy">
              {t("showAll")}
            </Link>
          )}
        </form>
        {list.items.length === 0 ? (
          <p className="empty-state">{list.q ? t("noResults", { q: list.q }) : t("noTags")}</p>
        ) : (
          <TableScroll name={t("tagsCaption")}>
            <table className="desk-table taxonomy-table">
              <caption className="visually-hidden">{t("tagsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colName")}</th>
                  <th scope="col">{t("colAddress")}</th>
                  <th scope="col" className="taxonomy-table__count">
                    {t("colArticles")}
                  </th>
                  <th scope="col">{t("colActions")}</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((tag) => (
                  <tr key={tag.id} id={`tag-${tag.id}`}>
                    <th scope="row">{tag.name}</th>
                    <td>
                      <Link href={`/tags/${tag.slug}`} className="taxonomy-slug">
                        {`/tags/${tag.slug}`}
                      </Link>
                    </td>
                    <td className="taxonomy-table__count">{tag.articles}</td>
                    <td>
                      <div className="taxonomy-actions">
                        <TaxonomyForm
                          action={renameTagAction}
                          hidden={{ id: tag.id }}
                          field={{ kind: "text", name: "name", label: t("renameTagLabel", { name: tag.name }), hideLabel: true, defaultValue: tag.name, maxLength: 60 }}
                          submit={t("rename")}
                          submitDetail={tag.name}
                        />
                        {merging === tag.id ? (
                          <div className="taxonomy-merge">
                            <TaxonomyForm
                              action={mergeTagsAction}
                              hidden={{ id: tag.id }}
                              field={{
                                kind: "select",
                                name: "targetId",
                                label: t("mergeLabel", { name: tag.name }),
                                placeholder: t("mergeChoose"),
                                options: options.filter((o) => o.id !== tag.id).map((o) => ({ value: o.id, label: o.name })),
                              }}
                              submit={t("merge")}
                              submitDetail={tag.name}
                            />
                            <Link href={href({})} className="button button--ghost">
                              {t("cancel")}
                            </Link>
                          </div>
                        ) : (
                          <Link href={`${href({ merge: tag.id })}#tag-${tag.id}`} className="button" scroll={false}>
                            {t("mergeStart")}
                            <span className="visually-hidden">{` ${tag.name}`}</span>
                          </Link>
                        )}
                        {tag.articles === 0 && <TaxonomyForm action={deleteTagAction} hidden={{ id: tag.id }} submit={t("delete")} submitDetail={tag.name} />}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {list.pages > 1 && (
          <nav aria-label={t("pagination")} className="pagination">
            {list.page > 1 && (
              <Link href={pageHref(list.page - 1)} rel="prev">
                {t("previousPage")}
              </Link>
            )}
            <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
            {list.page < list.pages && (
              <Link href={pageHref(list.page + 1)} rel="next">
                {t("nextPage")}
              </Link>
            )}
          </nav>
        )}
      </section>

      <section className="panel" aria-labelledby="sections-heading">
        <h2 id="sections-heading">
          {t("sectionsHeading")} <span className="count">{sections.length}</span>
        </h2>
        <p className="field__hint">{t("sectionsHint")}</p>
        {sections.length === 0 ? (
          <p className="empty-state">{t("noSections")}</p>
        ) : (
          <ol className="section-order">
            {sections.map((section, index) => (
              <li key={section.id} className="section-order__item">
                <div className="section-order__name">
                  <strong>{section.name}</strong>
                  <Link href={`/${section.slug}`} className="taxonomy-slug">{`/${section.slug}`}</Link>
                </div>
                <TaxonomyForm
                  action={renameSectionAction}
                  hidden={{ id: section.id }}
                  field={{ kind: "text", name: "name", label: t("renameSectionLabel", { name: section.name }), hideLabel: true, defaultValue: section.name, maxLength: 60 }}
                  submit={t("rename")}
                  submitDetail={section.name}
                />
                <div className="section-order__move">
                  <TaxonomyForm action={moveSectionAction} hidden={{ id: section.id, direction: "up" }} submit={t("moveUp")} submitDetail={section.name} disabled={index === 0} />
                  <TaxonomyForm
                    action={moveSectionAction}
                    hidden={{ id: section.id, direction: "down" }}
                    submit={t("moveDown")}
                    submitDetail={section.name}
                    disabled={index === sections.length - 1}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
        <TaxonomyForm
          action={createSectionAction}
          field={{ kind: "text", name: "name", label: t("newSection"), maxLength: 60 }}
          submit={t("createSection")}
          resetOnSuccess
          className="taxonomy-form--create"
        />
      </section>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
