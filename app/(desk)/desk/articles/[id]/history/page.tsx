import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getArticleForEdit, listArticleEvents } from "@/db/articles/queries";
import { RESTORE_DROPPABLE, type RestoreDropped } from "@/db/articles/restore";
import { getRevision, listRevisions, type RevisionDetail, type RevisionSummary, type ShownFields } from "@/db/articles/revisions";
import { getViewer } from "@/app/auth";
import { formatDateTime } from "@/lib/dates";
import { diffFields, diffText, hasChanges } from "@/lib/diff";
import { can } from "@/lib/permissions";
import { ArticleHistory } from "@/components/desk/ArticleHistory";
import { ArticleNav } from "@/components/desk/ArticleNav";
import { RestoreRevisionForm } from "@/components/desk/RestoreRevisionForm";
import { TextDiff } from "@/components/desk/TextDiff";
import { TableScroll } from "@/components/ui/TableScroll";
import { restoreRevisionAction } from "./actions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[]; restored?: string | string[]; dropped?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("history");
  return { title: t("metaTitle") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Versions of an article: who changed what and when, a diff of any two, and restore. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const { id } = await params;
  const article = /^\d{1,9}$/.test(id) ? await getArticleForEdit(Number(id)) : null;
  if (!article) notFound();
  const query = await searchParams;
  const t = await getTranslations("history");
  const locale = await getLocale();
  const revisions = await listRevisions(article.id);
  const canRestore = can(viewer, "article.edit", article);

  const kindLabel = (r: RevisionSummary) =>
    r.kind === "restore" ? t("kind.restore", { version: r.restoredFrom ?? "?" }) : t(`kind.${r.kind}`);

  // Compare: the chosen pair, by default the previous and the latest version; older first.
  const pick = (value: string | undefined) => revisions.find((r) => String(r.id) === value);
  let newer = pick(one(query.to)) ?? revisions[0];
  let older = pick(one(query.from)) ?? revisions[revisions.indexOf(newer) + 1] ?? revisions[1];
  if (older && newer && older.version > newer.version) [older, newer] = [newer, older];
  const [before, after] = older && newer && older !== newer ? await Promise.all([getRevision(article.id, older.id), getRevision(article.id, newer.id)]) : [null, null];

  const restored = revisions.find((r) => r.kind === "restore" && String(r.version) === one(query.restored));
  const dropped = (one(query.dropped) ?? "").split(",").filter((d): d is RestoreDropped => (RESTORE_DROPPABLE as readonly string[]).includes(d));
  const list = new Intl.ListFormat(locale, { type: "conjunction" });

  return (
    <>
      <ArticleNav articleId={article.id} current="history" />
      <h1>
        {t("title")}
        {": "}
        <Link href={`/desk/articles/${article.id}`}>{article.headline}</Link>
      </h1>

      {restored && (
        <div className="alert alert--ok" role="status">
          <p>
            {t("restored", { from: restored.restoredFrom ?? "?", version: restored.version })}{" "}
            <Link href={`/desk/articles/${article.id}`}>{t("restoredOpenEditor")}</Link>
          </p>
          {dropped.length > 0 && <p>{t("restoreDropped", { items: list.format(dropped.map((d) => t(`droppedItem.${d}`))) })}</p>}
        </div>
      )}

      <section className="panel" aria-labelledby="compare-heading">
        <h2 id="compare-heading">{t("compareHeading")}</h2>
        {revisions.length < 2 ? (
          <p className="empty-state">{t("onlyOneVersion")}</p>
        ) : (
          <form className="compare-form" method="get">
            <div className="field">
              <label htmlFor="compare-from">{t("compareFrom")}</label>
              <select id="compare-from" name="from" defaultValue={older ? String(older.id) : undefined}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t("versionOption", { version: r.version, kind: kindLabel(r), when: formatDateTime(r.createdAt, locale) })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="compare-to">{t("compareTo")}</label>
              <select id="compare-to" name="to" defaultValue={newer ? String(newer.id) : undefined}>
                {revisions.map((r) => (
                  <option key={r.id} value={r.id}>
                    {t("versionOption", { version: r.version, kind: kindLabel(r), when: formatDateTime(r.createdAt, locale) })}
                  </option>
                ))}
              </select>
            </div>
            <button className="button" type="submit">
              {t("compareSubmit")}
            </button>
          </form>
        )}
      </section>

      {before && after && <RevisionDiff before={before} after={after} />}

      <section className="panel" aria-labelledby="revisions-heading">
        <h2 id="revisions-heading">{t("revisionsHeading")}</h2>
        {revisions.length === 0 ? (
          <p className="empty-state">{t("noRevisions")}</p>
        ) : (
          <TableScroll name={t("revisionsHeading")}>
            <table className="desk-table revision-table">
              <thead>
                <tr>
                  <th scope="col">{t("colVersion")}</th>
                  <th scope="col">{t("colKind")}</th>
                  <th scope="col">{t("colBy")}</th>
                  <th scope="col">{t("colWhen")}</th>
                  {canRestore && <th scope="col">{t("colActions")}</th>}
                </tr>
              </thead>
              <tbody>
                {revisions.map((r, i) => (
                  <tr key={r.id}>
                    <th scope="row">
                      {r.version}
                      {i === 0 && <span className="status current">{t("current")}</span>}
                    </th>
                    <td>{kindLabel(r)}</td>
                    <td>{r.author ?? t("nobody")}</td>
                    <td>
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, locale)}</time>
                      {new Date(r.updatedAt).getTime() - new Date(r.createdAt).getTime() > 60_000 && (
                        <span className="field__hint">
                          {" · "}
                          {t("autosaveUntil", { time: formatDateTime(r.updatedAt, locale) })}
                        </span>
                      )}
                    </td>
                    {canRestore && (
                      <td>
                        {i > 0 && (
                          <RestoreRevisionForm
                            action={restoreRevisionAction}
                            articleId={article.id}
                            articleVersion={article.version}
                            revisionId={r.id}
                            revisionVersion={r.version}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <ArticleHistory events={await listArticleEvents(article.id)} heading={t("eventsHeading")} />
    </>
  );
}

/** Headline, standfirst, changed settings and the text of two versions, changes marked inline. */
async function RevisionDiff({ before, after }: { before: RevisionDetail; after: RevisionDetail }) {
  const t = await getTranslations("history");
  const tAll = await getTranslations();
  const headline = diffText(before.headline, after.headline);
  const standfirst = diffText(before.standfirst, after.standfirst);
  const body = diffText(before.bodyText, after.bodyText);
  const show = (s: ShownFields) => ({ ...s, language: tAll(`languages.${s.language}`) });
  const fieldKeys = ["section", "language", "slug", "seoTitle", "seoDescription", "leadImage", "leadCaption", "leadCredit", "leadAlt", "authors", "tags", "related"] as const;
  const labels = Object.fromEntries(fieldKeys.map((k) => [k, t(`field.${k}`)])) as Record<(typeof fieldKeys)[number], string>;
  const fields = before.shown && after.shown ? diffFields(show(before.shown), show(after.shown), labels) : null;
  const identical = !hasChanges(headline) && !hasChanges(standfirst) && !hasChanges(body) && fields !== null && fields.length === 0;
  return (
    <section className="panel" aria-labelledby="diff-heading">
      <h2 id="diff-heading">{t("diffHeading", { from: before.version, to: after.version })}</h2>
      {identical && (
        <p className="empty-state" role="status">
          {t("noChanges")}
        </p>
      )}
      <div className="diff-block">
        <h3>{t("field.headline")}</h3>
        <TextDiff parts={headline} className="text-diff--headline" />
      </div>
      {(before.standfirst || after.standfirst) && (
        <div className="diff-block">
          <h3>{t("field.standfirst")}</h3>
          <TextDiff parts={standfirst} />
        </div>
      )}
      {fields === null ? (
        <p className="field__hint">{t("metadataUnknown")}</p>
      ) : (
        fields.length > 0 && (
          <div className="diff-block">
            <h3>{t("metadataHeading")}</h3>
            <TableScroll name={t("metadataHeading")}>
              <table className="desk-table field-diff">
                <thead>
                  <tr>
                    <th scope="col">{t("colField")}</th>
                    <th scope="col">{t("colBefore")}</th>
                    <th scope="col">{t("colAfter")}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((f) => (
                    <tr key={f.key}>
                      <th scope="row">{f.label}</th>
                      <td>{f.before ? <TextDiff parts={f.parts.filter((p) => p.kind !== "ins")} /> : <span className="field__hint">{t("emptyValue")}</span>}</td>
                      <td>{f.after ? <TextDiff parts={f.parts.filter((p) => p.kind !== "del")} /> : <span className="field__hint">{t("emptyValue")}</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        )
      )}
      <div className="diff-block">
        <h3>{t("field.body")}</h3>
        {!hasChanges(body) && <p className="field__hint">{t("noTextChanges")}</p>}
        <TextDiff parts={body} className="text-diff--body" />
      </div>
    </section>
  );
}
