"use client";
// The live blog's desk panel under the article editor: its state, who may publish, a form for a
// new entry and the entries (drafts first). Each entry is its own small document saved by its own
// form: several reporters write at once without touching each other's text.
import { EditorContent, useEditor, type JSONContent } from "@tiptap/react";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";
import { articleExtensions } from "@/lib/content/extensions";
import { isEmbedProvider, providerName } from "@/lib/content/embeds";
import { cleanPastedHtml } from "@/lib/content/paste";
import { typographyFor } from "@/lib/content/typography";
import { formatDateTime } from "@/lib/dates";
import type { FormState } from "@/lib/errors";
import { LiveCoverage } from "@/components/article/LiveCoverage";
import type { DeskLiveBlog, DeskLiveEntry } from "@/lib/live/types";
import { canEditLiveEntry, canPublishLiveEntry, can, type Viewer } from "@/lib/permissions";

/** What the server actions answer (app/(desk)/desk/articles/[id]/actions.ts). */
export type LiveActionState = FormState<string | undefined>;
type Action = (state: LiveActionState, form: FormData) => Promise<LiveActionState>;
export type LiveActions = Record<"setLive" | "setPublishers" | "create" | "update" | "publish" | "flags" | "remove", Action>;

/** An action that also runs `onDone` in the browser once it succeeded (close a form, empty it). */
function useFormAction(action: Action, onDone?: () => void) {
  return useActionState(async (previous: LiveActionState, form: FormData) => {
    const result = await action(previous, form);
    if (result?.ok) onDone?.();
    return result;
  }, null);
}

const EMPTY: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

function Status({ state }: { state: LiveActionState }) {
  if (!state?.message) return null;
  return (
    <p className={state.ok ? "field__hint" : "field__error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </p>
  );
}

/** A small rich-text field (the article body's schema) whose JSON goes with the form as text. */
function EntryText({ label, initial, language }: { label: string; initial: JSONContent; language: "de" | "en" }) {
  const [json, setJson] = useState(() => JSON.stringify(initial));
  const editor = useEditor(
    {
      extensions: [...articleExtensions, typographyFor(language)],
      content: initial,
      immediatelyRender: false,
      editorProps: { attributes: { role: "textbox", "aria-multiline": "true", "aria-label": label, class: "article-body-editor live-entry-editor" }, transformPastedHTML: cleanPastedHtml },
      onUpdate: ({ editor: e }) => setJson(JSON.stringify(e.getJSON())),
    },
    [language],
  );
  return (
    <div className="field">
      <span className="label" aria-hidden="true">
        {label}
      </span>
      <div className="editor-surface live-entry-surface">
        <EditorContent editor={editor} />
      </div>
      <input type="hidden" name="body" value={json} />
    </div>
  );
}

function NewEntry({ articleId, language, mayPublish, action }: { articleId: number; language: "de" | "en"; mayPublish: boolean; action: Action }) {
  const t = useTranslations("live");
  // Each success mounts a fresh, empty form (the key): the reporter writes the next entry.
  const [sent, setSent] = useState(0);
  const [state, formAction, pending] = useFormAction(action, () => setSent((n) => n + 1));
  const titleId = useId();
  return (
    <form key={sent} action={formAction} className="live-new" aria-label={t("newEntry")}>
      <h3>{t("newEntry")}</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <div className="field">
        <label htmlFor={titleId}>{t("entryTitle")}</label>
        <input id={titleId} name="title" maxLength={200} />
      </div>
      <EntryText label={t("entryText")} initial={EMPTY} language={language} />
      <div className="live-actions">
        <button className="button" type="submit" name="intent" value="draft" disabled={pending}>
          {t("saveDraft")}
        </button>
        {mayPublish && (
          <button className="button button--publish" type="submit" name="intent" value="publish" disabled={pending}>
            {t("publishNow")}
          </button>
        )}
      </div>
      <Status state={state} />
    </form>
  );
}

function SmallForm({ action, fields, label, className = "button", accessibleName }: { action: Action; fields: Record<string, string | number>; label: string; className?: string; accessibleName?: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="live-inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className={className} type="submit" disabled={pending} aria-label={accessibleName}>
        {label}
      </button>
      {state && !state.ok && <Status state={state} />}
    </form>
  );
}

function Entry({ entry, blog, viewer, language, actions }: { entry: DeskLiveEntry; blog: DeskLiveBlog; viewer: Viewer; language: "de" | "en"; actions: LiveActions }) {
  const t = useTranslations("live");
  const locale = useLocale() as "de" | "en";
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [saveState, saveAction, saving] = useFormAction(actions.update, () => setEditing(false));
  const [deleteState, deleteAction, removing] = useActionState(actions.remove, null);
  const titleId = useId();
  const reasonId = useId();
  const access = { publisherIds: blog.publisherIds };
  const mayPublish = canPublishLiveEntry(viewer, access);
  const mayEdit = canEditLiveEntry(viewer, entry, access);
  const mayDelete = entry.publishedAt ? mayPublish : mayEdit;
  const name = entry.title || t("untitled");
  const headingId = `live-entry-${entry.id}`;
  const ids = { articleId: blog.articleId, id: entry.id };
  return (
    <li>
      <article className="live-desk-entry" aria-labelledby={headingId}>
        <h3 id={headingId}>{name}</h3>
        <p className="live-desk-entry__meta">
          {entry.publishedAt ? (
            <>
              {`${t("publishedAt")} `}
              <time dateTime={entry.publishedAt}>{formatDateTime(entry.publishedAt, locale)}</time>
              {entry.editedAt && <strong className="live-badge">{` ${t("updated")}`}</strong>}
            </>
          ) : (
            <strong className="live-badge live-badge--draft">{t("draft")}</strong>
          )}
          {entry.pinned && <strong className="live-badge">{` ${t("pinned")}`}</strong>}
          {entry.keyEvent && <strong className="live-badge">{` ${t("keyEvent")}`}</strong>}
          {entry.authors.length > 0 && <span>{` · ${entry.authors.join(", ")}`}</span>}
        </p>
        {editing ? (
          <form action={saveAction} aria-label={t("editEntryNamed", { name })}>
            <input type="hidden" name="articleId" value={blog.articleId} />
            <input type="hidden" name="id" value={entry.id} />
            <input type="hidden" name="version" value={entry.version} />
            <div className="field">
              <label htmlFor={titleId}>{t("entryTitle")}</label>
              <input id={titleId} name="title" defaultValue={entry.title} maxLength={200} />
            </div>
            <EntryText label={t("entryText")} initial={entry.body} language={language} />
            <div className="live-actions">
              <button className="button button--primary" type="submit" disabled={saving}>
                {t("saveChanges")}
              </button>
              <button className="button" type="button" onClick={() => setEditing(false)}>
                {t("cancel")}
              </button>
            </div>
            <Status state={saveState} />
          </form>
        ) : (
          <div className="live-desk-entry__text">{plainText(entry.body)}</div>
        )}
        <div className="live-actions">
          {mayEdit && !editing && (
            <button className="button" type="button" onClick={() => setEditing(true)} aria-label={t("editNamed", { name })}>
              {t("edit")}
            </button>
          )}
          {!entry.publishedAt && mayPublish && blog.state === "live" && (
            <SmallForm action={actions.publish} fields={{ ...ids, version: entry.version }} label={t("publish")} className="button button--publish" accessibleName={t("publishNamed", { name })} />
          )}
          {mayPublish && (
            <>
              <SmallForm action={actions.flags} fields={{ ...ids, flag: "pinned", value: String(!entry.pinned) }} label={entry.pinned ? t("unpin") : t("pin")} accessibleName={`${entry.pinned ? t("unpin") : t("pin")}: ${name}`} />
              <SmallForm
                action={actions.flags}
                fields={{ ...ids, flag: "keyEvent", value: String(!entry.keyEvent) }}
                label={entry.keyEvent ? t("unmarkKeyEvent") : t("markKeyEvent")}
                accessibleName={`${entry.keyEvent ? t("unmarkKeyEvent") : t("markKeyEvent")}: ${name}`}
              />
            </>
          )}
          {mayDelete && !deleting && (
            <button className="button" type="button" onClick={() => setDeleting(true)} aria-label={t("deleteNamed", { name })}>
              {t("delete")}
            </button>
          )}
        </div>
        {deleting && (
          <form action={deleteAction} className="live-delete" aria-label={t("deleteNamed", { name })}>
            <input type="hidden" name="articleId" value={blog.articleId} />
            <input type="hidden" name="id" value={entry.id} />
            <div className="field">
              <label htmlFor={reasonId}>{t("deleteReason")}</label>
              <input id={reasonId} name="reason" required minLength={3} maxLength={300} aria-invalid={deleteState && !deleteState.ok ? true : undefined} />
            </div>
            <div className="live-actions">
              <button className="button" type="submit" disabled={removing}>
                {t("confirmDelete")}
              </button>
              <button className="button" type="button" onClick={() => setDeleting(false)}>
                {t("cancel")}
              </button>
            </div>
            <Status state={deleteState} />
          </form>
        )}
      </article>
    </li>
  );
}

/** The entry's text for the list (the reader page shows the rendered one). */
/** An entry's text as the desk lists it; an embed says which provider and what address, so an editor sees it before publishing. */
function plainText(body: JSONContent): string {
  const parts: string[] = [];
  const walk = (node: JSONContent) => {
    if (node.type === "embed" && isEmbedProvider(node.attrs?.provider)) parts.push(`[${providerName(node.attrs.provider)}: ${String(node.attrs.url ?? "")}]\n`);
    if (node.text) parts.push(node.text);
    node.content?.forEach(walk);
    if (node.type === "paragraph" || node.type === "heading") parts.push("\n");
  };
  walk(body);
  return parts.join("").trim();
}

export function LiveBlogPanel({
  blog,
  viewer,
  language,
  journalists,
  actions,
}: {
  blog: DeskLiveBlog;
  viewer: Viewer;
  language: "de" | "en";
  journalists: { id: number; name: string }[];
  actions: LiveActions;
}) {
  const t = useTranslations("live");
  const locale = useLocale() as "de" | "en";
  const [pubState, pubAction, pubPending] = useActionState(actions.setPublishers, null);
  const manages = can(viewer, "live.manage");
  if (!blog.state && !manages) return null;
  const mayPublish = canPublishLiveEntry(viewer, { publisherIds: blog.publisherIds });
  return (
    <section className="panel live-panel" aria-labelledby="live-panel-heading">
      <h2 id="live-panel-heading">{t("heading")}</h2>
      {!blog.state ? (
        <>
          <p className="field__hint">{t("notLiveHint")}</p>
          <SmallForm action={actions.setLive} fields={{ articleId: blog.articleId, state: "live" }} label={t("makeLive")} className="button button--primary" />
        </>
      ) : (
        <>
          <p className="live-state" role="status">
            {blog.state === "live" ? t("stateLive") : t("stateEnded")}
            <LiveCoverage state={blog.state} startedAt={blog.startedAt} endedAt={blog.endedAt} locale={locale} since={t("since")} ended={t("endedAt")} />
          </p>
          {manages && (
            <SmallForm
              action={actions.setLive}
              fields={{ articleId: blog.articleId, state: blog.state === "live" ? "ended" : "live" }}
              label={blog.state === "live" ? t("end") : t("resume")}
              className="button"
            />
          )}
          {manages && journalists.length > 0 && (
            <form action={pubAction} className="live-publishers">
              <input type="hidden" name="articleId" value={blog.articleId} />
              <fieldset>
                <legend>{t("publishersLegend")}</legend>
                {journalists.map((j) => (
                  <label key={j.id} className="checkbox">
                    <input type="checkbox" name="userIds" value={j.id} defaultChecked={blog.publisherIds.includes(j.id)} /> {j.name}
                  </label>
                ))}
              </fieldset>
              <button className="button" type="submit" disabled={pubPending}>
                {t("savePublishers")}
              </button>
              <Status state={pubState} />
            </form>
          )}
          {blog.state === "live" && can(viewer, "live.write") && <NewEntry articleId={blog.articleId} language={language} mayPublish={mayPublish} action={actions.create} />}
          <h3>{t("entriesHeading", { count: blog.entries.length })}</h3>
          {blog.entries.length === 0 ? (
            <p className="field__hint">{t("noEntries")}</p>
          ) : (
            <ol className="live-desk-entries">
              {blog.entries.map((entry) => (
                <Entry key={`${entry.id}-${entry.version}`} entry={entry} blog={blog} viewer={viewer} language={language} actions={actions} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
