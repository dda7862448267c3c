import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { listAuditActors, listAuditEvents, type AuditFilterInput } from "@/db/audit/queries";
import { AUDIT_ACTIONS, AUDIT_TARGETS, isAuditAction, isAuditTarget } from "@/lib/audit";
import { getViewer } from "@/app/auth";
import { formatDateTime } from "@/lib/dates";
import { Invalid } from "@/lib/errors";
import { isLocale } from "@/lib/i18n";
import { can } from "@/lib/permissions";
import { NotAllowed } from "@/components/desk/NotAllowed";
import { Pager } from "@/components/site/Pager";
import { TableScroll } from "@/components/ui/TableScroll";

type Params = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<Params> };
const FIELDS = ["actor", "action", "target", "targetId", "from", "to"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The audit log for admins: newest first, filtered by person, action, target and days; exported as JSON lines. */
export default async function AuditPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin");
  const t = await getTranslations("audit");
  const tv = await getTranslations();
  if (!can(viewer, "audit.read")) {
    return <NotAllowed title={t("notAllowedTitle")} message={t("notAllowed")} back={t("backToDesk")} />;
  }
  const locale = await getLocale();
  const lang = isLocale(locale) ? locale : "en";
  const params = await searchParams;
  const values = Object.fromEntries(FIELDS.map((f) => [f, first(params[f]).slice(0, 200)])) as Record<(typeof FIELDS)[number], string>;
  const input: AuditFilterInput = { ...values, page: first(params.page) || undefined };
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let fieldErrors: Record<string, string[]> = {};
  try {
    result = await listAuditEvents(viewer, input);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    fieldErrors = error.fieldErrors;
  }
  const actors = await listAuditActors(viewer);
  const query = (extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(Object.entries({ ...values, ...extra }).filter(([, v]) => v !== ""));
    return q.size ? `?${q}` : "";
  };
  const errorOf = (field: string) =>
    fieldErrors[field] && (
      <p id={`audit-${field}-error`} className="field__error">
        {fieldErrors[field].map((key) => tv(key as Parameters<typeof tv>[0])).join(" ")}
      </p>
    );
  const described = (field: string) => (fieldErrors[field] ? `audit-${field}-error` : undefined);
  const actionLabel = (action: string) => (isAuditAction(action) ? t(`actions.${action}`) : action);

  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <section className="panel" aria-labelledby="audit-filters-heading">
        <h2 id="audit-filters-heading">{t("filters")}</h2>
        <form method="get" action="/desk/audit" role="search" aria-labelledby="audit-filters-heading" className="audit-filters">
          <FilterSelect field="actor" label={t("actor")} value={values.actor} any={t("anyone")} error={errorOf("actor")} describedBy={described("actor")} options={[{ value: "system", label: t("system") }, ...actors.map((a) => ({ value: String(a.id), label: a.name }))]} />
          <FilterSelect field="action" label={t("action")} value={values.action} any={t("anyAction")} error={errorOf("action")} describedBy={described("action")} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
          <FilterSelect field="target" label={t("target")} value={values.target} any={t("anyTarget")} error={errorOf("target")} describedBy={described("target")} options={AUDIT_TARGETS.map((target) => ({ value: target, label: t(`targets.${target}`) }))} />
          <div className="field">
            <label htmlFor="audit-target-id">{t("targetId")}</label>
            <input id="audit-target-id" name="targetId" defaultValue={values.targetId} maxLength={200} aria-describedby={described("targetId")} />
            {errorOf("targetId")}
          </div>
          <div className="field">
            <label htmlFor="audit-from">{t("from")}</label>
            <input id="audit-from" name="from" type="date" defaultValue={values.from} aria-invalid={fieldErrors.from ? true : undefined} aria-describedby={described("from")} />
            {errorOf("from")}
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("to")}</label>
            <input id="audit-to" name="to" type="date" defaultValue={values.to} aria-invalid={fieldErrors.to ? true : undefined} aria-describedby={described("to")} />
            {errorOf("to")}
          </div>
          <div className="audit-filters__buttons">
            <button className="button" type="submit">
              {t("apply")}
            </button>
            <Link href="/desk/audit">{t("reset")}</Link>
            <a href={`/desk/audit/export${query()}`} download>
              {t("export")}
            </a>
          </div>
        </form>
      </section>
      <section className="panel" aria-labelledby="audit-list-heading">
        <h2 id="audit-list-heading">{t("listHeading")}</h2>
        {!result ? (
          <p className="alert alert--error" role="alert">
            {t("filterInvalid")}
          </p>
        ) : result.items.length === 0 ? (
          <p className="empty-state">{t("empty")}</p>
        ) : (
          <TableScroll name={t("listHeading")}>
            <table className="desk-table audit-table">
              <thead>
                <tr>
                  <th scope="col">{t("colAt")}</th>
                  <th scope="col">{t("colActor")}</th>
                  <th scope="col">{t("colAction")}</th>
                  <th scope="col">{t("colTarget")}</th>
                  <th scope="col">{t("colDetails")}</th>
                  <th scope="col">{t("colAddress")}</th>
                </tr>
              </thead>
              <tbody>
                {result.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
                    </td>
                    <td>{e.actorName ?? t("nobody")}</td>
                    <th scope="row">{actionLabel(e.action)}</th>
                    <td>
                      {isAuditTarget(e.targetType) ? t(`targets.${e.targetType}`) : e.targetType}
                      {e.targetId !== null && <> {e.targetId}</>}
                    </td>
                    <td>
                      <code className="audit-table__summary">{JSON.stringify(e.summary)}</code>
                    </td>
                    <td>{e.address ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {result && <Pager page={result.page} hasNext={result.hasNext} href={(page) => `/desk/audit${query(page > 1 ? { page: String(page) } : {})}`} label={t("pageNumber", { page: result.page })} />}
      </section>
    </>
  );
}

/** One of the filter form's choices: "any" first, then the options. */
function FilterSelect(props: { field: string; label: string; value: string; any: string; options: { value: string; label: string }[]; error: React.ReactNode; describedBy?: string }) {
  return (
    <div className="field">
      <label htmlFor={`audit-${props.field}`}>{props.label}</label>
      <select id={`audit-${props.field}`} name={props.field} defaultValue={props.value} aria-describedby={props.describedBy}>
        <option value="">{props.any}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error}
    </div>
  );
}
