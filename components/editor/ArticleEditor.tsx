"use client";
import { EditorContent, useEditor } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  createArticleAction,
  publishArticleAction,
  requestChangesAction,
  saveArticleAction,
  submitArticleAction,
  withdrawArticleAction,
} from "@/app/(desk)/desk/actions";
import { articleExtensions } from "@/lib/content/extensions";
import { typographyFor } from "@/lib/content/typography";
import { countWords, EMPTY_BODY, readingMinutes } from "@/lib/content/words";
import type { FieldErrors } from "@/lib/errors";
import { can as allowed, type Viewer } from "@/lib/permissions";
import { canTransition, type ArticleStatus } from "@/lib/workflow";
import { useLocale, useTranslations } from "next-intl";
import { Toolbar } from "./Toolbar";

export type EditorArticle = {
  id: number;
  headline: string;
  standfirst: string;
  sectionId: number;
  language: "de" | "en";
  body: unknown;
  status: ArticleStatus;
  version: number;
  liveUrl: string | null;
  hasUnpublishedChanges: boolean;
  authorIds: readonly number[];
  createdById: number | null;
};


type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

/** Fields that show their own error message beside the input. */
const SHOWN_FIELDS = new Set(["headline", "standfirst", "sectionId", "body", "note"]);

const timeFormat = (locale: string) => new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" });

export function ArticleEditor({
  article,
  sections,
  viewer,
}: {
  article: EditorArticle | null;
  sections: { id: number; name: string }[];
  viewer: Viewer;
}) {
  const t = useTranslations("editor");
  const tr = useTranslations();
  const [id, setId] = useState(article?.id ?? null);
  const version = useRef(article?.version ?? 0);
  const [status, setStatus] = useState<ArticleStatus>(article?.status ?? "draft");
  const [headline, setHeadline] = useState(article?.headline ?? "");
  const [standfirst, setStandfirst] = useState(article?.standfirst ?? "");
  const [sectionId, setSectionId] = useState(String(article?.sectionId ?? ""));
  const [language, setLanguage] = useState<"de" | "en">(article?.language ?? "de");
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);
  const [words, setWords] = useState(0);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [liveUrl, setLiveUrl] = useState(article?.liveUrl ?? null);
  const [conflictVersion, setConflictVersion] = useState<number | null>(null);
  const idRef = useRef(article?.id ?? null);
  const fields = useRef({ headline, standfirst, sectionId, language });
  const changes = useRef(0); // bumped by every edit
  const savedChanges = useRef(0); // the value of `changes` that the last good save covered
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());

  // The same rules the server enforces decide which buttons to show; the server still refuses.
  const access = { status, authorIds: article?.authorIds ?? [viewer.id], createdById: article?.createdById ?? viewer.id };
  const can = {
    edit: allowed(viewer, "article.edit", access),
    submit: allowed(viewer, "article.submit", access) && canTransition(status, "submit"),
    publish: allowed(viewer, "article.publish", access) && canTransition(status, "publish"),
    requestChanges: allowed(viewer, "article.request_changes", access) && canTransition(status, "request_changes"),
    // Taking back is the authors' move; editors send back with a note instead.
    withdraw: allowed(viewer, "article.withdraw", access) && canTransition(status, "withdraw") && access.authorIds.includes(viewer.id),
  };

  // What a (re)built editor starts from: the stored body, or the text at a language change.
  const [startBody, setStartBody] = useState<object>((article?.body as object) ?? EMPTY_BODY);
  const editor = useEditor(
    {
    extensions: [...articleExtensions, typographyFor(language)],
    content: startBody,
    editable: can.edit,
    immediatelyRender: false, // server-rendered page; the editor mounts in the browser
    editorProps: {
      attributes: { role: "textbox", "aria-multiline": "true", "aria-label": t("articleText"), class: "article-body-editor" },
    },
    onCreate: ({ editor: e }) => setWords(countWords(e.getText({ blockSeparator: "\n" }))),
    onUpdate: ({ editor: e }) => {
      changes.current++;
      setWords(countWords(e.getText({ blockSeparator: "\n" })));
      setSave({ kind: "dirty" });
    },
    },
    // Quotes follow the article's language: a change of language rebuilds the editor's input rules.
    [language],
  );

  // After a workflow step the server sends new capabilities (e.g. read-only once in review).
  useEffect(() => {
    // Frozen while a workflow step runs, so nothing is typed that the step would not include.
    const editable = can.edit && !busy;
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, can.edit, busy]);

  const dirty = save.kind === "dirty" || save.kind === "error" || save.kind === "conflict";
  const markDirty = () => {
    changes.current++;
    setSave({ kind: "dirty" });
  };

  // Leaving the page with unsaved text asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Saves read the latest values through refs: a save queued behind another must send what
  // is on screen when it runs, not what was there when it was asked for.
  useEffect(() => {
    fields.current = { headline, standfirst, sectionId, language };
  });

  /** Saves (or creates) the working copy once. Returns the saved id and version, or null on failure. */
  const saveOnce = useCallback(async (): Promise<{ id: number; version: number } | null> => {
    if (!editor) return null;
    const currentId = idRef.current;
    const startedAt = changes.current;
    if (currentId && startedAt === savedChanges.current) return { id: currentId, version: version.current };
    setSave({ kind: "saving" });
    setErrors({});
    // A JSON round trip: TipTap's attrs objects are not plain objects, and React would
    // otherwise send them to the server as opaque references instead of data.
    const body = JSON.parse(JSON.stringify(editor.getJSON())) as object;
    const f = fields.current;
    const input = { headline: f.headline, standfirst: f.standfirst, sectionId: Number(f.sectionId), language: f.language, body };
    const result = currentId
      ? await saveArticleAction({ ...input, id: currentId, version: version.current })
      : await createArticleAction(input);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setConflictVersion(result.code === "conflict" ? (result.currentVersion ?? null) : null);
      setSave(result.code === "conflict" ? { kind: "conflict", message: result.message } : { kind: "error", message: result.message });
      return null;
    }
    version.current = result.data.version;
    savedChanges.current = startedAt;
    // Typing that happened while the request was out is not saved yet: say so.
    setSave(changes.current === startedAt ? { kind: "saved", at: new Date() } : { kind: "dirty" });
    if (!currentId) {
      idRef.current = result.data.id;
      setId(result.data.id);
      // Keep the editor mounted (and its undo history) while the address becomes the article's own.
      window.history.replaceState(null, "", `/desk/articles/${result.data.id}`);
    }
    return { id: result.data.id, version: result.data.version };
  }, [editor]);

  /** One save at a time, in order — never two creates for one new article, never a self-conflict. */
  const saveNow = useCallback((): Promise<{ id: number; version: number } | null> => {
    const next = saveQueue.current.then(saveOnce, saveOnce);
    saveQueue.current = next;
    return next;
  }, [saveOnce]);

  /** After a conflict the person chooses: save their text over the other version, or load the other one. */
  function keepMine() {
    if (conflictVersion === null) return;
    version.current = conflictVersion;
    savedChanges.current = -1;
    setConflictVersion(null);
    void saveNow();
  }

  // Ctrl/Cmd+S saves at once instead of saving the web page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        if (can.edit) void saveNow();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveNow, can.edit]);

  /** Runs a workflow step on the latest saved version (saving pending changes first). */
  async function step(
    action: (input: { id: number; version: number; note: string }) => ReturnType<typeof submitArticleAction>,
    done: string,
  ) {
    setBusy(true);
    setNotice(null);
    try {
      let target = idRef.current ? { id: idRef.current, version: version.current } : null;
      if (can.edit && (changes.current !== savedChanges.current || !target)) target = await saveNow();
      if (!target) return;
      const result = await action({ ...target, note });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setSave(result.code === "conflict" ? { kind: "conflict", message: result.message } : { kind: "error", message: result.message });
        return;
      }
      version.current = result.data.version;
      setStatus(result.data.status);
      setNote("");
      setNoteOpen(false);
      const url = "url" in result.data ? String(result.data.url) : undefined;
      if (url) setLiveUrl(url);
      setNotice({ text: done, href: url });
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p className="field__error" id={`${name}-error`}>
        {errors[name].join(" ")}
      </p>
    ) : null;
  const invalid = (name: string) =>
    errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};

  return (
    <div className="editor-layout">
      <div>
        <div className="action-bar">
          <span className={`status status--${status}`}>{tr(`status.${status}`)}</span>
          <SaveStatus state={save} />
          {can.edit && (
            <button className="button" type="button" onClick={() => void saveNow()} disabled={busy || save.kind === "saving"}>
              {t("save")}
            </button>
          )}
          {can.submit && (
            <button className="button button--primary" type="button" disabled={busy} onClick={() => void step(submitArticleAction, t("submitted"))}>
              {t("submit")}
            </button>
          )}
          {can.withdraw && (
            <button className="button" type="button" disabled={busy} onClick={() => void step(withdrawArticleAction, t("withdrawn"))}>
              {t("withdraw")}
            </button>
          )}
          {can.requestChanges && status === "in_review" && (
            <button className="button" type="button" disabled={busy} onClick={() => setNoteOpen((o) => !o)} aria-expanded={noteOpen}>
              {t("requestChanges")}
            </button>
          )}
          {can.publish && (
            <button className="button button--publish" type="button" disabled={busy} onClick={() => void step(publishArticleAction, t("published"))}>
              {status === "published" ? t("publishUpdate") : t("publish")}
            </button>
          )}
        </div>
        {(save.kind === "error" || save.kind === "conflict") && (
          <div className="alert alert--error" role="alert">
            <p style={{ margin: 0 }}>{save.message}</p>
            {/* Field messages that have no field on this screen still need to be read somewhere. */}
            {Object.entries(errors)
              .filter(([field]) => !SHOWN_FIELDS.has(field))
              .map(([field, messages]) => (
                <p key={field} style={{ margin: ".25rem 0 0" }}>
                  {messages.join(" ")}
                </p>
              ))}
            {save.kind === "conflict" && conflictVersion !== null && (
              <div className="action-bar" style={{ margin: ".5rem 0 0" }}>
                <button className="button" type="button" onClick={keepMine}>
                  {t("conflictKeepMine")}
                </button>
                <a className="button" href={`/desk/articles/${id}`}>
                  {t("conflictTakeTheirs")}
                </a>
              </div>
            )}
          </div>
        )}
        {notice && (
          <p className="alert alert--ok" role="status">
            {notice.text} {notice.href && <Link href={notice.href}>{t("viewLive")}</Link>}
          </p>
        )}
        {noteOpen && (
          <div className="panel">
            <div className="field">
              <label htmlFor="change-note">{t("changeNote")}</label>
              <textarea id="change-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} {...invalid("note")} />
              {fieldError("note")}
            </div>
            <button className="button button--primary" type="button" disabled={busy} onClick={() => void step(requestChangesAction, t("sentBack"))}>
              {t("sendBack")}
            </button>
          </div>
        )}
        {!can.edit && (
          <p className="field__hint">
            {status === "in_review" ? t("readOnlyInReview") : t("readOnly")}
          </p>
        )}
        <div className="field editor-headline">
          <label htmlFor="headline">{t("headline")}</label>
          <input id="headline" value={headline} readOnly={!can.edit || busy} maxLength={200} onChange={(e) => { setHeadline(e.target.value); markDirty(); }} {...invalid("headline")} />
          {fieldError("headline")}
        </div>
        <div className="field">
          <label htmlFor="standfirst">{t("standfirst")}</label>
          <textarea id="standfirst" rows={2} value={standfirst} readOnly={!can.edit || busy} onChange={(e) => { setStandfirst(e.target.value); markDirty(); }} {...invalid("standfirst")} />
          {fieldError("standfirst")}
        </div>
        <div className="field">
          <span className="label" id="body-label">{t("text")}</span>
          {editor && can.edit && <Toolbar editor={editor} />}
          <div className="editor-surface" aria-labelledby="body-label">
            <EditorContent editor={editor} />
          </div>
          {fieldError("body")}
          <p className="word-count" aria-live="polite">
            {t("wordCount", { count: words, minutes: readingMinutes(words) })}
          </p>
        </div>
      </div>
      <aside className="panel" aria-label={t("settings")}>
        <div className="field">
          <label htmlFor="section">{t("section")}</label>
          <select id="section" value={sectionId} disabled={!can.edit} onChange={(e) => { setSectionId(e.target.value); markDirty(); }} {...invalid("sectionId")}>
            <option value="">{t("chooseSection")}</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          {fieldError("sectionId")}
        </div>
        <div className="field">
          <label htmlFor="language">{t("language")}</label>
          <select id="language" value={language} disabled={!can.edit} onChange={(e) => { if (editor) setStartBody(editor.getJSON()); setLanguage(e.target.value as "de" | "en"); markDirty(); }}>
            <option value="de">{tr("languages.de")}</option>
            <option value="en">{tr("languages.en")}</option>
          </select>
        </div>
        {liveUrl && status === "published" && (
          <p>
            <Link href={liveUrl}>{t("viewLiveShort")}</Link>
            {article?.hasUnpublishedChanges && !notice && <span className="field__hint">{` · ${t("hasUnpublishedChanges")}`}</span>}
          </p>
        )}
        {id && <p className="field__hint">{t("shortLink", { path: `/a/${id}` })}</p>}
      </aside>
    </div>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("editor");
  const locale = useLocale();
  const text = {
    idle: t("saveIdle"),
    dirty: t("saveDirty"),
    saving: t("saveSaving"),
    saved: state.kind === "saved" ? t("saveSaved", { time: timeFormat(locale).format(state.at) }) : "",
    error: t("saveError"),
    conflict: t("saveConflict"),
  }[state.kind];
  const tone = state.kind === "dirty" ? " save-status--dirty" : state.kind === "error" || state.kind === "conflict" ? " save-status--error" : "";
  return (
    <span className={`save-status${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
