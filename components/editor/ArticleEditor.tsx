"use client";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { NodeSelection } from "@tiptap/pm/state";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import {
  cancelScheduleAction,
  createArticleAction,
  loadArticleAction,
  publishArticleAction,
  requestChangesAction,
  saveArticleAction,
  scheduleArticleAction,
  submitArticleAction,
  unpublishArticleAction,
  withdrawArticleAction,
} from "@/app/(desk)/desk/actions";
import { formatDateTime } from "@/lib/dates";
import { articleExtensions } from "@/lib/content/extensions";
import type { FigureAttrs } from "@/lib/content/nodes";
import { cleanPastedHtml } from "@/lib/content/paste";
import { typographyFor } from "@/lib/content/typography";
import { countWords, EMPTY_BODY, readingMinutes } from "@/lib/content/words";
import { emptyFields, toSaveInput, type DraftFields, type EditorArticle } from "@/lib/editor/article";
import { dropLocal, keepLocally, readLocal, type LocalDraft } from "@/lib/editor/local-draft";
import type { FieldErrors } from "@/lib/errors";
import { can as allowed, type Viewer } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import { canTransition, type ArticleStatus } from "@/lib/workflow";
import { ConflictDialog } from "./ConflictDialog";
import { FigureDialog } from "./FigureDialog";
import { LeadImageField } from "./LeadImageField";
import { LinkDialog } from "./LinkDialog";
import { BylineField, RelatedField, TagField } from "./ListFields";
import { NotesThread, type ArticleNoteView } from "./NotesThread";
import { Toolbar } from "./Toolbar";
import { ArticleNav } from "@/components/desk/ArticleNav";
import { MediaPicker } from "@/components/media/MediaPicker";

export type { EditorArticle } from "@/lib/editor/article";

type StepResult = Awaited<ReturnType<typeof submitArticleAction>> | Awaited<ReturnType<typeof scheduleArticleAction>>;

type SaveState =
  | { kind: "idle" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  // Not saved, kept on this device: no network, no answer from the server, or the server
  // answered that its database is away. The last two retry by themselves.
  | { kind: "offline"; cause: "network" | "server" | "database" }
  | { kind: "local" }
  | { kind: "error"; message: string }
  | { kind: "conflict"; message: string };

/** Fields that show their own error message beside the input. */
const SHOWN_FIELDS = new Set(["headline", "standfirst", "sectionId", "body", "note", "slug", "seoTitle", "seoDescription", "authorIds", "leadImageId", "leadCaption", "leadCredit", "leadAlt", "tags", "related", "at", "correctionText"]);
const AUTOSAVE_DELAY_MS = 2000;
const RETRY_DELAY_MS = 5000;
const HEADLINE_IDEAL = 70;

const timeFormat = (locale: string) => new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", { hour: "2-digit", minute: "2-digit" });
/** TipTap's attrs objects are not plain objects; a JSON round trip makes the body plain data for the server. */
const plainBody = (editor: Editor) => JSON.parse(JSON.stringify(editor.getJSON())) as object;
const textOf = (editor: Editor) => editor.getText({ blockSeparator: "\n" });

export function ArticleEditor({
  article,
  sections,
  people,
  viewer,
  timeZone,
  notes,
}: {
  article: EditorArticle | null;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  viewer: Viewer;
  /** The newsroom's time zone, in which scheduled times are entered and shown. */
  timeZone: string;
  notes?: ArticleNoteView[];
}) {
  const t = useTranslations("editor");
  const tr = useTranslations();
  const locale = useLocale();
  const [id, setId] = useState(article?.id ?? null);
  const idRef = useRef(article?.id ?? null);
  const version = useRef(article?.version ?? 0);
  const [status, setStatus] = useState<ArticleStatus>(article?.status ?? "draft");
  const [fields, setFields] = useState<DraftFields>(article?.fields ?? emptyFields([{ id: viewer.id, name: viewer.name }]));
  const fieldsRef = useRef(fields);
  const [slugEdited, setSlugEdited] = useState(false);
  const slugEditedRef = useRef(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);
  const [words, setWords] = useState(0);
  const [panel, setPanel] = useState<null | "requestChanges" | "schedule" | "unpublish" | "correction">(null);
  const [scheduledFor, setScheduledFor] = useState(article?.scheduledFor ?? null);
  const [scheduleAt, setScheduleAt] = useState("");
  const [correction, setCorrection] = useState<{ kind: "correction" | "update"; text: string }>({ kind: "correction", text: "" });
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [liveUrl, setLiveUrl] = useState(article?.liveUrl ?? null);
  const [conflict, setConflict] = useState<{ theirs: EditorArticle | null; open: boolean } | null>(null);
  const conflictRef = useRef(false);
  const [recovery, setRecovery] = useState<LocalDraft | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [pickerFor, setPickerFor] = useState<"lead" | "figure" | null>(null);
  const [figure, setFigure] = useState<{ attrs: FigureAttrs; isNew: boolean } | null>(null);
  const changes = useRef(0); // bumped by every edit
  const savedChanges = useRef(0); // the value of `changes` that the last good save covered
  const saveQueue = useRef<Promise<unknown>>(Promise.resolve());
  const autosaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const localTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const editorRef = useRef<Editor | null>(null);

  // The same rules the server enforces decide which buttons to show; the server still refuses.
  const access = { status, authorIds: article?.authorIds ?? [viewer.id], createdById: article?.createdById ?? viewer.id };
  const can = {
    edit: allowed(viewer, "article.edit", access),
    submit: allowed(viewer, "article.submit", access) && canTransition(status, "submit"),
    publish: allowed(viewer, "article.publish", access) && canTransition(status, "publish"),
    requestChanges: allowed(viewer, "article.request_changes", access) && canTransition(status, "request_changes"),
    schedule: allowed(viewer, "article.schedule", access) && canTransition(status, "schedule") && status !== "published",
    cancelSchedule: allowed(viewer, "article.schedule", access) && status === "scheduled",
    unpublish: allowed(viewer, "article.unpublish", access) && canTransition(status, "unpublish"),
    // Taking back is the authors' move; editors send back with a note instead.
    withdraw: allowed(viewer, "article.withdraw", access) && canTransition(status, "withdraw") && access.authorIds.includes(viewer.id),
  };

  /** Writes the screen to this browser's storage (cheap; debounced while typing). */
  const keepOnDevice = useCallback(() => {
    clearTimeout(localTimer.current);
    const editor = editorRef.current;
    if (!editor || changes.current === savedChanges.current) return;
    keepLocally({
      articleId: idRef.current,
      baseVersion: version.current,
      fields: fieldsRef.current,
      body: plainBody(editor),
      slugEdited: slugEditedRef.current,
      keptAt: new Date().toISOString(),
    });
  }, []);

  const scheduleAutosave = useRef<() => void>(() => {});
  type SaveOpts = { autosave: boolean; force?: boolean };
  const saveNowRef = useRef<(opts: SaveOpts) => Promise<{ id: number; version: number } | null>>(async () => null);
  const markDirty = useCallback(() => {
    changes.current++;
    // While the server or its database is away, the status keeps saying so (the retry runs on).
    setSave((s) => (s.kind === "dirty" || s.kind === "conflict" || (s.kind === "offline" && s.cause !== "network") ? s : { kind: "dirty" }));
    clearTimeout(localTimer.current);
    localTimer.current = setTimeout(keepOnDevice, 400);
    scheduleAutosave.current();
  }, [keepOnDevice]);

  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      fieldsRef.current = { ...fieldsRef.current, ...patch };
      setFields(fieldsRef.current);
      markDirty();
    },
    [markDirty],
  );

  // What a (re)built editor starts from: the stored body, or the text at a language change.
  const [startBody, setStartBody] = useState<object>((article?.body as object) ?? EMPTY_BODY);
  const editor = useEditor(
    {
      extensions: [...articleExtensions, typographyFor(fields.language)],
      content: startBody,
      editable: can.edit,
      immediatelyRender: false, // server-rendered page; the editor mounts in the browser
      editorProps: {
        attributes: { role: "textbox", "aria-multiline": "true", "aria-label": t("articleText"), class: "article-body-editor" },
        // Word, Google Docs and web pages: keep the structure, drop the rest.
        transformPastedHTML: cleanPastedHtml,
      },
      onCreate: ({ editor: e }) => {
        editorRef.current = e;
        setWords(countWords(textOf(e)));
      },
      onUpdate: ({ editor: e }) => {
        markDirty();
        clearTimeout(wordTimer.current);
        wordTimer.current = setTimeout(() => setWords(countWords(textOf(e))), 150);
      },
    },
    // Quotes follow the article's language: a change of language rebuilds the editor's input rules.
    [fields.language],
  );
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  // After a workflow step the server sends new capabilities (e.g. read-only once in review).
  useEffect(() => {
    // Frozen while a workflow step runs, so nothing is typed that the step would not include.
    const editable = can.edit && !busy;
    // Without emitting an update: a change of editability is not an edit, and counting it as one
    // made an editor's page save (and autosave) around every workflow step, racing the authors.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, can.edit, busy]);

  /** Puts a whole article version on screen (theirs after a conflict, or one kept on this device). */
  const showVersion = useCallback(
    (next: { fields: DraftFields; body: unknown }) => {
      fieldsRef.current = next.fields;
      setFields(next.fields);
      editorRef.current?.commands.setContent(next.body as object, { emitUpdate: false });
      if (editorRef.current) setWords(countWords(textOf(editorRef.current)));
    },
    [],
  );

  /** One request: saves (or creates) the working copy. Returns the saved id and version, or null. */
  async function sendOnce(opts: SaveOpts): Promise<{ id: number; version: number } | null> {
    const e = editorRef.current;
    if (!e) return null;
    const currentId = idRef.current;
    const startedAt = changes.current;
    if (currentId && startedAt === savedChanges.current && !opts.force) return { id: currentId, version: version.current };
    if (conflictRef.current && !opts.force) return null; // the person decides first
    const f = fieldsRef.current;
    // A new article reaches the server once it has a headline and a section; until then it lives here.
    if (!currentId && opts.autosave && (!f.headline.trim() || !f.sectionId)) {
      keepOnDevice();
      setSave({ kind: "local" });
      return null;
    }
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      keepOnDevice();
      setSave({ kind: "offline", cause: "network" });
      return null;
    }
    // A retry during an outage says "Saving…" only once it has worked.
    setSave((s) => (s.kind === "offline" && s.cause !== "network" ? s : { kind: "saving" }));
    const body = plainBody(e);
    const input = toSaveInput(f, body, { slugEdited: slugEditedRef.current });
    let result;
    try {
      result = currentId
        ? await saveArticleAction({ ...input, id: currentId, version: version.current, autosave: opts.autosave })
        : await createArticleAction(input);
    } catch {
      // The request never got an answer: offline, or the server is down. The text stays here.
      keepAndRetry(navigator.onLine === false ? "network" : "server");
      return null;
    }
    if (!result.ok && result.code === "database_unavailable") {
      // The server answered, but its database is away: nothing was written, so the same
      // version is sent again until it is back (the version check still guards the save).
      keepAndRetry("database");
      return null;
    }
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      keepOnDevice();
      if (result.code === "conflict") {
        conflictRef.current = true;
        setSave({ kind: "conflict", message: result.message });
        setConflict({ theirs: null, open: true });
        const theirs = currentId ? await loadArticleAction(currentId).catch(() => null) : null;
        setConflict({ theirs: theirs?.ok ? theirs.data : null, open: true });
      } else {
        setSave({ kind: "error", message: result.message });
      }
      return null;
    }
    setErrors({});
    version.current = result.data.version;
    if (!slugEditedRef.current || result.data.slug === fieldsRef.current.slug) {
      fieldsRef.current = { ...fieldsRef.current, slug: result.data.slug };
      setFields(fieldsRef.current);
    }
    if (!currentId) {
      idRef.current = result.data.id;
      setId(result.data.id);
      dropLocal(null);
      // Keep the editor mounted (and its undo history) while the address becomes the article's own.
      window.history.replaceState(null, "", `/desk/articles/${result.data.id}`);
    }
    savedChanges.current = startedAt;
    // Typing that happened while the request was out is not saved yet: say so.
    if (changes.current === startedAt) {
      dropLocal(result.data.id);
      setSave({ kind: "saved", at: new Date() });
    } else {
      setSave({ kind: "dirty" });
    }
    return { id: result.data.id, version: result.data.version };
  }

  /** Keeps the screen on this device, says why it is not saved, and tries again shortly. */
  function keepAndRetry(cause: "network" | "server" | "database") {
    keepOnDevice();
    setSave({ kind: "offline", cause });
    clearTimeout(autosaveTimer.current);
    autosaveTimer.current = setTimeout(() => void saveNowRef.current({ autosave: true }), RETRY_DELAY_MS);
  }

  /** One save at a time, in order — never two creates for one new article, never a self-conflict. */
  const saveNow = useCallback(
    (opts: { autosave: boolean; force?: boolean } = { autosave: false }): Promise<{ id: number; version: number } | null> => {
      clearTimeout(autosaveTimer.current);
      const run = () => sendOnce(opts);
      const next = saveQueue.current.then(run, run);
      saveQueue.current = next;
      return next;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- sendOnce reads everything through refs
    [],
  );
  useEffect(() => {
    saveNowRef.current = saveNow;
    scheduleAutosave.current = () => {
      clearTimeout(autosaveTimer.current);
      autosaveTimer.current = setTimeout(() => void saveNow({ autosave: true }), AUTOSAVE_DELAY_MS);
    };
  }, [saveNow]);

  const dirty = !["idle", "saved"].includes(save.kind);

  // Leaving the page with unsaved text asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Hidden tab: keep the text here and save it now. Back online: save what waited.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState !== "hidden" || changes.current === savedChanges.current) return;
      keepOnDevice();
      if (can.edit) void saveNow({ autosave: true });
    };
    const onOnline = () => {
      if (changes.current !== savedChanges.current && can.edit) void saveNow({ autosave: true });
    };
    const onOffline = () => {
      if (changes.current !== savedChanges.current) setSave({ kind: "offline", cause: "network" });
    };
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", keepOnDevice);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    return () => {
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", keepOnDevice);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
    };
  }, [keepOnDevice, saveNow, can.edit]);

  // Work kept on this device that the server does not have: offer it back.
  useEffect(() => {
    if (!editor || !can.edit) return;
    const kept = readLocal(article?.id ?? null);
    if (!kept) return;
    const same =
      JSON.stringify(kept.fields) === JSON.stringify(fieldsRef.current) && JSON.stringify(kept.body) === JSON.stringify(plainBody(editor));
    if (same) dropLocal(article?.id ?? null);
    else setRecovery(kept);
    // Once, when the editor is ready.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor]);

  function restoreKept() {
    if (!recovery) return;
    showVersion(recovery);
    slugEditedRef.current = recovery.slugEdited;
    setSlugEdited(recovery.slugEdited);
    version.current = recovery.baseVersion || version.current;
    setRecovery(null);
    markDirty();
  }

  function discardKept() {
    dropLocal(article?.id ?? null);
    setRecovery(null);
  }

  function keepMine() {
    const theirs = conflict?.theirs;
    if (!theirs) return;
    version.current = theirs.version;
    conflictRef.current = false;
    setConflict(null);
    void saveNow({ autosave: false, force: true });
  }

  function takeTheirs() {
    const theirs = conflict?.theirs;
    if (!theirs) return;
    showVersion(theirs);
    version.current = theirs.version;
    setStatus(theirs.status);
    savedChanges.current = changes.current;
    conflictRef.current = false;
    setConflict(null);
    setErrors({});
    dropLocal(idRef.current);
    setSave({ kind: "saved", at: new Date() });
  }

  // Ctrl/Cmd+S saves at once instead of saving the web page; Ctrl/Cmd+K links in the text.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "s") {
        e.preventDefault();
        if (can.edit) void saveNow({ autosave: false });
      } else if (key === "k" && editor?.isFocused && can.edit) {
        e.preventDefault();
        setLinkOpen(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [saveNow, can.edit, editor]);

  function togglePanel(name: NonNullable<typeof panel>) {
    setPanel((open) => (open === name ? null : name));
  }

  /** Runs a workflow step on the latest saved version (saving pending changes first). */
  async function step(
    // Each workflow action takes { id, version, note } plus its own fields (given in `extra`).
    action: (input: never) => Promise<StepResult>,
    done: string,
    extra: Record<string, string> = {},
  ) {
    setBusy(true);
    setNotice(null);
    try {
      let target = idRef.current ? { id: idRef.current, version: version.current } : null;
      if (can.edit && (changes.current !== savedChanges.current || !target)) target = await saveNow({ autosave: false });
      if (!target) return;
      const result = await (action as (input: object) => Promise<StepResult>)({ ...target, note, ...extra });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setSave(result.code === "conflict" ? { kind: "conflict", message: result.message } : { kind: "error", message: result.message });
        return;
      }
      version.current = result.data.version;
      setStatus(result.data.status);
      setNote("");
      setPanel(null);
      setErrors({});
      setCorrection({ kind: "correction", text: "" });
      const when = "scheduledFor" in result.data ? String(result.data.scheduledFor) : null;
      setScheduledFor(when);
      const url = "url" in result.data && result.data.url && !when ? String(result.data.url) : undefined;
      setLiveUrl(result.data.status === "published" ? (url ?? liveUrl) : null);
      setNotice({ text: when ? t("scheduledNotice", { time: formatDateTime(when, locale === "de" ? "de" : "en") }) : done, href: url });
    } finally {
      setBusy(false);
    }
  }

  /**
   * Leaving the editor (another tab, the address bar, the desk's menu) saves at once. Moving to
   * a button or field of the editor itself does not: that button may be Save, or a workflow step.
   */
  function saveOnLeave(event: React.FocusEvent) {
    const next = event.relatedTarget as Node | null;
    if (next && event.currentTarget.closest(".editor-layout")?.contains(next)) return;
    if (changes.current !== savedChanges.current && can.edit) void saveNow({ autosave: true });
  }

  function openFigureDetails() {
    if (!editor) return;
    const { selection } = editor.state;
    if (selection instanceof NodeSelection && selection.node.type.name === "figure") {
      setFigure({ attrs: selection.node.attrs as FigureAttrs, isNew: false });
    }
  }

  const fieldError = (name: string) =>
    errors[name]?.length ? (
      <p className="field__error" id={`${name}-error`}>
        {errors[name].join(" ")}
      </p>
    ) : null;
  const invalid = (name: string, hint?: string) =>
    errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : hint ? { "aria-describedby": hint } : {};
  const readOnly = !can.edit || busy;
  const linkHref = (editor?.getAttributes("link").href as string | undefined) ?? "";

  return (
    <>
    {/* Shown as soon as the article exists, also right after a new one's first save. */}
    {id && <ArticleNav articleId={id} current="edit" />}
    <div className="editor-layout">
      <div>
        <div className="action-bar">
          <span className={`status status--${status}`}>{tr(`status.${status}`)}</span>
          {can.edit && (
            <button className="button" type="button" onClick={() => void saveNow({ autosave: false })} disabled={busy || save.kind === "saving"}>
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
            <button className="button" type="button" disabled={busy} onClick={() => togglePanel("requestChanges")} aria-expanded={panel === "requestChanges"}>
              {t("requestChanges")}
            </button>
          )}
          {can.publish && (
            <button className="button button--publish" type="button" disabled={busy} onClick={() => void step(publishArticleAction, t("published"), status === "published" ? { correctionKind: correction.kind, correctionText: correction.text } : {})}>
              {status === "published" ? t("publishUpdate") : status === "scheduled" ? t("publishNow") : t("publish")}
            </button>
          )}
          {can.publish && status === "published" && (
            <button className="button" type="button" disabled={busy} onClick={() => togglePanel("correction")} aria-expanded={panel === "correction"}>
              {t("correctionToggle")}
            </button>
          )}
          {can.schedule && (
            <button className="button" type="button" disabled={busy} onClick={() => togglePanel("schedule")} aria-expanded={panel === "schedule"}>
              {status === "scheduled" ? t("reschedule") : t("schedule")}
            </button>
          )}
          {can.cancelSchedule && (
            <button className="button" type="button" disabled={busy} onClick={() => void step(cancelScheduleAction, t("scheduleCancelled"))}>
              {t("cancelSchedule")}
            </button>
          )}
          {can.unpublish && (
            <button className="button button--danger" type="button" disabled={busy} onClick={() => togglePanel("unpublish")} aria-expanded={panel === "unpublish"}>
              {t("unpublish")}
            </button>
          )}
          {/* Last in the row: its changing text must never move a button out from under the pointer. */}
          <SaveStatus state={save} />
        </div>
        {recovery && (
          <section className="alert alert--warn" aria-label={t("recoveryTitle")}>
            <p style={{ margin: 0 }}>{t("recoveryText", { time: timeFormat(locale).format(new Date(recovery.keptAt)) })}</p>
            <div className="action-bar" style={{ margin: ".5rem 0 0" }}>
              <button className="button button--primary" type="button" onClick={restoreKept}>
                {t("recoveryRestore")}
              </button>
              <button className="button" type="button" onClick={discardKept}>
                {t("recoveryDiscard")}
              </button>
            </div>
          </section>
        )}
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
            {save.kind === "conflict" && conflict && !conflict.open && (
              <button className="button" type="button" style={{ marginTop: ".5rem" }} onClick={() => setConflict({ ...conflict, open: true })}>
                {t("conflictResolve")}
              </button>
            )}
          </div>
        )}
        {notice && (
          <p className="alert alert--ok" role="status">
            {notice.text} {notice.href && <Link href={notice.href}>{t("viewLive")}</Link>}
          </p>
        )}
        {scheduledFor && (
          <p className="alert alert--warn" role="status">
            {t("scheduledFor", { time: formatDateTime(scheduledFor, locale === "de" ? "de" : "en"), zone: timeZone })}
          </p>
        )}
        {panel === "requestChanges" && (
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
        {panel === "schedule" && (
          <div className="panel">
            <div className="field">
              <label htmlFor="schedule-at">{t("scheduleAt", { zone: timeZone })}</label>
              <input id="schedule-at" type="datetime-local" value={scheduleAt} onChange={(e) => setScheduleAt(e.target.value)} {...invalid("at")} />
              {fieldError("at")}
            </div>
            <button className="button button--primary" type="button" disabled={busy || !scheduleAt} onClick={() => void step(scheduleArticleAction, t("scheduled"), { at: scheduleAt })}>
              {status === "scheduled" ? t("rescheduleConfirm") : t("scheduleConfirm")}
            </button>
          </div>
        )}
        {panel === "correction" && (
          <fieldset className="panel">
            <legend>{t("correctionLegend")}</legend>
            <div className="field">
              <label htmlFor="correction-kind">{t("correctionKind")}</label>
              <select id="correction-kind" value={correction.kind} onChange={(e) => setCorrection({ ...correction, kind: e.target.value as "correction" | "update" })}>
                <option value="correction">{t("correctionKindCorrection")}</option>
                <option value="update">{t("correctionKindUpdate")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="correction-text">{t("correctionText")}</label>
              <textarea id="correction-text" rows={3} value={correction.text} onChange={(e) => setCorrection({ ...correction, text: e.target.value })} {...invalid("correctionText", "correction-hint")} />
              {fieldError("correctionText") ?? (
                <p id="correction-hint" className="field__hint">
                  {t("correctionHint")}
                </p>
              )}
            </div>
          </fieldset>
        )}
        {panel === "unpublish" && (
          <div className="panel">
            <p>{t("unpublishExplain")}</p>
            <div className="field">
              <label htmlFor="unpublish-note">{t("unpublishNote")}</label>
              <textarea id="unpublish-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...invalid("note")} />
              {fieldError("note")}
            </div>
            <button className="button button--danger" type="button" disabled={busy} onClick={() => void step(unpublishArticleAction, t("unpublished"))}>
              {t("unpublishConfirm")}
            </button>
          </div>
        )}
        {!can.edit && <p className="field__hint">{status === "in_review" ? t("readOnlyInReview") : t("readOnly")}</p>}
        <div className="field editor-headline">
          <label htmlFor="headline">{t("headline")}</label>
          <input id="headline" value={fields.headline} readOnly={readOnly} maxLength={200} onChange={(e) => update({ headline: e.target.value })} {...invalid("headline", "headline-hint")} />
          {fieldError("headline") ?? (
            <p id="headline-hint" className={`field__hint${fields.headline.length > HEADLINE_IDEAL ? " field__hint--warn" : ""}`}>
              {t("headlineHint", { count: fields.headline.length, ideal: HEADLINE_IDEAL })}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="standfirst">{t("standfirst")}</label>
          <textarea id="standfirst" rows={2} value={fields.standfirst} readOnly={readOnly} onChange={(e) => update({ standfirst: e.target.value })} {...invalid("standfirst")} />
          {fieldError("standfirst")}
        </div>
        <div className="field">
          <span className="label" id="body-label">
            {t("text")}
          </span>
          {editor && can.edit && (
            <Toolbar editor={editor} onLink={() => setLinkOpen(true)} onImage={() => setPickerFor("figure")} onFigureDetails={openFigureDetails} />
          )}
          <div className="editor-surface" aria-labelledby="body-label" onBlur={saveOnLeave}>
            <EditorContent editor={editor} />
          </div>
          {fieldError("body")}
          <p className="word-count" aria-live="polite">
            {t("wordCount", { count: words, minutes: readingMinutes(words) })}
          </p>
        </div>
      </div>
      <aside className="panel editor-settings" aria-label={t("settings")}>
        <div className="field">
          <label htmlFor="section">{t("section")}</label>
          <select id="section" value={fields.sectionId} disabled={readOnly} onChange={(e) => update({ sectionId: e.target.value })} {...invalid("sectionId")}>
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
          <select
            id="language"
            value={fields.language}
            disabled={readOnly}
            onChange={(e) => {
              if (editor) setStartBody(editor.getJSON());
              update({ language: e.target.value as "de" | "en" });
            }}
          >
            <option value="de">{tr("languages.de")}</option>
            <option value="en">{tr("languages.en")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="slug">{t("slug")}</label>
          <input
            id="slug"
            value={slugEdited ? fields.slug : fields.slug || slugify(fields.headline)}
            readOnly={readOnly}
            spellCheck={false}
            onChange={(e) => {
              slugEditedRef.current = true;
              setSlugEdited(true);
              update({ slug: e.target.value });
            }}
            {...invalid("slug", "slug-hint")}
          />
          {fieldError("slug") ?? (
            <p id="slug-hint" className="field__hint">
              {t("slugHint")}
            </p>
          )}
        </div>
        <BylineField value={fields.authors} people={people} error={errors.authorIds} disabled={readOnly} onChange={(authors) => update({ authors })} />
        <LeadImageField value={fields.lead} errors={errors} disabled={readOnly} onPick={() => setPickerFor("lead")} onChange={(lead) => update({ lead })} />
        <TagField value={fields.tags} error={errors.tags} disabled={readOnly} onChange={(tags) => update({ tags })} />
        <RelatedField value={fields.related} error={errors.related} disabled={readOnly} onChange={(related) => update({ related })} />
        <div className="field">
          <label htmlFor="seo-title">{t("seoTitle")}</label>
          <input id="seo-title" value={fields.seoTitle} readOnly={readOnly} placeholder={fields.headline} onChange={(e) => update({ seoTitle: e.target.value })} {...invalid("seoTitle", "seo-title-hint")} />
          {fieldError("seoTitle") ?? (
            <p id="seo-title-hint" className="field__hint">
              {t("seoTitleHint")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="seo-description">{t("seoDescription")}</label>
          <textarea id="seo-description" rows={3} value={fields.seoDescription} readOnly={readOnly} placeholder={fields.standfirst} onChange={(e) => update({ seoDescription: e.target.value })} {...invalid("seoDescription", "seo-description-hint")} />
          {fieldError("seoDescription") ?? (
            <p id="seo-description-hint" className="field__hint">
              {t("seoDescriptionHint")}
            </p>
          )}
        </div>
        {liveUrl && status === "published" && (
          <p>
            <Link href={liveUrl}>{t("viewLiveShort")}</Link>
            {article?.hasUnpublishedChanges && !notice && <span className="field__hint">{` · ${t("hasUnpublishedChanges")}`}</span>}
          </p>
        )}
        {id && (
          <p className="field__hint">
            {t("shortLinkLabel")} <a href={`/a/${id}`}>{`/a/${id}`}</a>
          </p>
        )}
        {id && <NotesThread articleId={id} initial={notes ?? []} />}
      </aside>
      {editor && linkOpen && (
        <LinkDialog
          open
          initialHref={linkHref}
          onClose={() => {
            setLinkOpen(false);
            editor.commands.focus();
          }}
          onApply={(href) => {
            setLinkOpen(false);
            const chain = editor.chain().focus().extendMarkRange("link");
            if (editor.state.selection.empty && !editor.isActive("link")) {
              editor.chain().focus().insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
            } else chain.setLink({ href }).run();
          }}
          onRemove={
            linkHref
              ? () => {
                  setLinkOpen(false);
                  editor.chain().focus().extendMarkRange("link").unsetLink().run();
                }
              : null
          }
        />
      )}
      <MediaPicker
        open={pickerFor !== null}
        onClose={() => setPickerFor(null)}
        onSelect={(item) => {
          const target = pickerFor;
          setPickerFor(null);
          if (target === "lead") {
            update({ lead: { mediaId: item.id, src: item.src, srcset: item.srcset, width: item.width, height: item.height, caption: item.caption, credit: item.credit, alt: item.alt } });
          } else {
            setFigure({ attrs: { mediaId: item.id, src: item.src, srcset: item.srcset, width: item.width, height: item.height, caption: item.caption, credit: item.credit, alt: item.alt }, isNew: true });
          }
        }}
      />
      {figure && (
      <FigureDialog
        figure={figure.attrs}
        onClose={() => setFigure(null)}
        onApply={(attrs) => {
          if (!editor) return;
          if (figure.isNew) editor.chain().focus().insertFigure(attrs).run();
          else editor.chain().focus().updateFigure(attrs).run();
          setFigure(null);
        }}
      />
      )}
      {conflict && (
        <ConflictDialog
          open={conflict.open}
          mine={{ headline: fields.headline, standfirst: fields.standfirst, text: editor ? textOf(editor) : "" }}
          theirs={conflict.theirs}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
          onClose={() => setConflict({ ...conflict, open: false })}
        />
      )}
    </div>
    </>
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
    offline: state.kind !== "offline" ? "" : state.cause === "database" ? t("saveDatabaseDown") : state.cause === "server" ? t("saveServerDown") : t("saveOffline"),
    local: t("saveLocal"),
    error: t("saveError"),
    conflict: t("saveConflict"),
  }[state.kind];
  const tone =
    state.kind === "dirty" || state.kind === "offline" || state.kind === "local"
      ? " save-status--dirty"
      : state.kind === "error" || state.kind === "conflict"
        ? " save-status--error"
        : "";
  return (
    <span className={`save-status${tone}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}
