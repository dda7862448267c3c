"use client";
// The article editor: every field lives in the article's shared Yjs document (see
// docs/collab-protocol.md), so several people write at once and nothing needs a Save button to
// survive. Parts: WorkflowBar (status and steps), WorkflowPanels (steps that need a word first),
// SettingsPanel (metadata), EditorDialogs (link, media, figure), Presence, SaveStatus; the
// connection and its status live in useCollabDocument.
import { Collaboration } from "@tiptap/extension-collaboration";
import { CollaborationCaret } from "@tiptap/extension-collaboration-caret";
import { NodeSelection } from "@tiptap/pm/state";
import { EditorContent, useEditor, type Extensions } from "@tiptap/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  cancelScheduleAction,
  loadArticleAction,
  publishArticleAction,
  requestChangesAction,
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
import { countWords, readingMinutes } from "@/lib/content/words";
import { colorFor } from "@/lib/editor/presence";
import type { EditorArticle } from "@/lib/editor/article";
import type { FieldErrors } from "@/lib/errors";
import { can as allowed, type Viewer } from "@/lib/permissions";
import { canTransition, type ArticleStatus } from "@/lib/workflow";
import { CollabInput, CollabTextarea, setField, setText, useCollabFields } from "./collab-fields";
import { EditorDialogs, type EditorDialog } from "./EditorDialogs";
import { fieldMessages } from "./field-messages";
import type { ImagePreview } from "./LeadImageField";
import type { ArticleNoteView } from "./NotesThread";
import { Presence } from "./Presence";
import { SaveStatus } from "./SaveStatus";
import { SettingsPanel } from "./SettingsPanel";
import { Toolbar } from "./Toolbar";
import { useCollabDocument, type CollabDocument } from "./useCollabDocument";
import { WorkflowBar, type DirectStep, type EditorCapabilities, type WorkflowPanel } from "./WorkflowBar";
import { WorkflowPanels, type Correction } from "./WorkflowPanels";
import { ArticleNav } from "@/components/desk/ArticleNav";

export type { EditorArticle } from "@/lib/editor/article";

type StepResult = Awaited<ReturnType<typeof submitArticleAction>> | Awaited<ReturnType<typeof scheduleArticleAction>>;

/** Fields that show their own error message beside the input. */
const SHOWN_FIELDS = new Set(["headline", "standfirst", "sectionId", "body", "note", "slug", "seoTitle", "seoDescription", "authorIds", "leadImageId", "leadCaption", "leadCredit", "leadAlt", "tags", "related", "at", "correctionText"]);
const HEADLINE_IDEAL = 70;
/** How long a workflow step waits for this person's last keystrokes to reach the database. */
const STEP_SAVE_WAIT_MS = 15_000;

// The shared extension list with StarterKit's own undo off: Collaboration brings an undo that
// undoes only this person's changes (two undo histories would undo each other's edits).
const collabExtensions: Extensions = articleExtensions.map((ext) => (ext.name === "starterKit" ? ext.configure({ undoRedo: false }) : ext));

type Props = {
  article: EditorArticle;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  viewer: Viewer;
  /** The newsroom's time zone, in which scheduled times are entered and shown. */
  timeZone: string;
  notes?: ArticleNoteView[];
  /**
   * The document as the server stored it (base64 Yjs state; db/articles/collab-seed.ts): the
   * editor shows it and takes keys at once, and the connection brings the rest. Null: wait for
   * the connection.
   */
  initialState?: string | null;
};

export function ArticleEditor(props: Props) {
  const t = useTranslations("editor");
  const { article, viewer, initialState } = props;
  // Until the server says otherwise, the same rule it applies: may this person write here?
  const writable = allowed(viewer, "article.edit", { status: article.status, authorIds: article.authorIds, createdById: article.createdById });
  const collab = useCollabDocument(article.id, { id: viewer.id, name: viewer.name }, initialState ? { state: initialState, writable } : null);
  if (!collab)
    return (
      <>
        <ArticleNav articleId={props.article.id} current="edit" />
        <p className="save-status" role="status">
          {t("saveConnecting")}
        </p>
      </>
    );
  return <SharedArticleEditor {...props} collab={collab} />;
}

function SharedArticleEditor({ article, sections, people, viewer, timeZone, notes, collab }: Props & { collab: CollabDocument }) {
  const t = useTranslations("editor");
  const tr = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const { doc, provider } = collab;
  const fields = useCollabFields(doc);
  const [status, setStatus] = useState<ArticleStatus>(article.status);
  // What the last refused workflow step said, and the server's field check it was made against:
  // the next check after a store (the credit typed in meanwhile, say) supersedes it.
  const [refusedStep, setStepErrors] = useState<{ errors: FieldErrors; against: object | null }>({ errors: {}, against: null });
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; href?: string } | null>(null);
  const [words, setWords] = useState(0);
  const [panel, setPanel] = useState<WorkflowPanel | null>(null);
  const [scheduledFor, setScheduledFor] = useState(article.scheduledFor);
  const [scheduleAt, setScheduleAt] = useState("");
  const [correction, setCorrection] = useState<Correction>({ kind: "correction", text: "" });
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [liveUrl, setLiveUrl] = useState(article.liveUrl);
  const [dialog, setDialog] = useState<EditorDialog>(null);
  const wordTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Images this browser knows how to show (the document holds only the media id).
  const [previews, setPreviews] = useState<Map<number, ImagePreview>>(() => new Map(article.fields.lead ? [[article.fields.lead.mediaId, article.fields.lead]] : []));

  // A refreshed page (after another person's workflow step) brings the article's new status.
  const [serverStatus, setServerStatus] = useState(article.status);
  if (serverStatus !== article.status) {
    setServerStatus(article.status);
    setStatus(article.status);
  }

  // The same rules the server enforces decide which buttons to show; the server still refuses.
  const access = { status, authorIds: article.authorIds, createdById: article.createdById };
  const can: EditorCapabilities = {
    submit: allowed(viewer, "article.submit", access) && canTransition(status, "submit"),
    publish: allowed(viewer, "article.publish", access) && canTransition(status, "publish"),
    requestChanges: allowed(viewer, "article.request_changes", access) && canTransition(status, "request_changes"),
    schedule: allowed(viewer, "article.schedule", access) && canTransition(status, "schedule") && status !== "published",
    cancelSchedule: allowed(viewer, "article.schedule", access) && status === "scheduled",
    unpublish: allowed(viewer, "article.unpublish", access) && canTransition(status, "unpublish"),
    // Taking back is the authors' move; editors send back with a note instead.
    withdraw: allowed(viewer, "article.withdraw", access) && canTransition(status, "withdraw") && access.authorIds.includes(viewer.id),
  };
  // The server's scope is the last word: it changes live after a workflow step (docs/collab-protocol.md).
  const writable = collab.scope === "read-write" && collab.ready;
  const readOnly = !writable || busy;

  // Another person's workflow step changes this connection's scope: fetch the article's new status.
  const lastScope = useRef(collab.scope);
  useEffect(() => {
    if (lastScope.current !== null && collab.scope !== null && lastScope.current !== collab.scope) router.refresh();
    lastScope.current = collab.scope;
  }, [collab.scope, router]);
  // Anyone's workflow step reaches everyone in the article (the server announces it after the commit):
  // the bar shows the new status at once, and the page brings the rest (schedule, live address).
  const [seenWorkflow, setSeenWorkflow] = useState(collab.workflow);
  if (seenWorkflow !== collab.workflow) {
    setSeenWorkflow(collab.workflow);
    if (collab.workflow && collab.workflow.status !== status) setStatus(collab.workflow.status);
  }
  useEffect(() => {
    if (collab.workflow) router.refresh();
  }, [collab.workflow, router]);
  // A colleague's live-blog entry (draft, publish, pin, edit…): the live panel beside the editor
  // is drawn by the server, so the page brings it. A burst of changes is one refresh.
  useEffect(() => {
    if (collab.liveChanges === 0) return;
    const timer = setTimeout(() => router.refresh(), 250);
    return () => clearTimeout(timer);
  }, [collab.liveChanges, router]);

  // CollaborationCaret writes this as the awareness `user` (it replaces the one the provider set): keep the id in it.
  const user = useMemo(() => ({ id: viewer.id, name: viewer.name, color: colorFor(viewer.id) }), [viewer.id, viewer.name]);
  // What assistive technology (and a test waiting to type) is told: the text opens read-only and
  // says so (aria-readonly) until the server allows writing; ProseMirror asks again on setEditable.
  const editableNow = useRef(false);
  const editor = useEditor(
    {
      extensions: [
        ...collabExtensions,
        typographyFor(fields.language),
        Collaboration.configure({ document: doc, field: "body" }),
        CollaborationCaret.configure({ provider, user }),
      ],
      editable: false, // until the server says read-write (below)
      immediatelyRender: false, // server-rendered page; the editor mounts in the browser
      editorProps: {
        attributes: () => ({
          role: "textbox",
          "aria-multiline": "true",
          "aria-readonly": String(!editableNow.current),
          "aria-label": t("articleText"),
          class: "article-body-editor",
        }),
        // Word, Google Docs and web pages: keep the structure, drop the rest.
        transformPastedHTML: cleanPastedHtml,
      },
      // Every editor (a change of language builds a new one) starts read-only, as `editable` above says.
      onBeforeCreate: () => {
        editableNow.current = false;
      },
      onCreate: ({ editor: e }) => setWords(countWords(e.getText({ blockSeparator: "\n" }))),
      onUpdate: ({ editor: e }) => {
        clearTimeout(wordTimer.current);
        wordTimer.current = setTimeout(() => setWords(countWords(e.getText({ blockSeparator: "\n" }))), 150);
      },
    },
    // Quotes follow the article's language: a change of language rebuilds the input rules (the text is the document's).
    [doc, provider, fields.language, user],
  );

  useEffect(() => {
    // Without emitting an update: a change of editability is not an edit.
    editableNow.current = !readOnly;
    if (editor && editor.isEditable !== !readOnly) editor.setEditable(!readOnly, false);
  }, [editor, readOnly]);

  // Ctrl/Cmd+S has nothing to do (everything saves by itself) but must not save the web page; Ctrl/Cmd+K links.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "s") e.preventDefault();
      else if (key === "k" && editor?.isFocused && !readOnly) {
        e.preventDefault();
        setDialog({ kind: "link" });
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editor, readOnly]);

  function togglePanel(name: WorkflowPanel) {
    setPanel((open) => (open === name ? null : name));
  }

  /** Runs a workflow step once this person's changes are in the database, on the version stored now. */
  async function step(
    // Each workflow action takes { id, version, note } plus its own fields (given in `extra`).
    action: (input: never) => Promise<StepResult>,
    done: string,
    extra: Record<string, string> = {},
  ) {
    setBusy(true);
    setNotice(null);
    setMessage(null);
    try {
      // Never a step on an older version than what this person sees: if their changes are not
      // stored yet (a slow or busy server), say so and run nothing.
      if (!(await collab.whenSaved(STEP_SAVE_WAIT_MS))) {
        setMessage(t("stepNotSaved"));
        return;
      }
      const attempt = async (): Promise<StepResult> => {
        const fresh = await loadArticleAction(article.id);
        if (!fresh.ok) return fresh;
        return (action as (input: object) => Promise<StepResult>)({ id: article.id, version: fresh.data.version, note, ...extra });
      };
      let result = await attempt();
      // A co-editor's keystrokes were stored between reading the version and the step: once more, on the new one.
      if (!result.ok && result.code === "conflict") result = await attempt();
      if (!result.ok) {
        setStepErrors({ errors: result.fieldErrors ?? {}, against: collab.invalid });
        setMessage(result.message);
        return;
      }
      setStatus(result.data.status);
      setNote("");
      setPanel(null);
      setStepErrors({ errors: {}, against: null });
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

  function openFigureDetails() {
    if (!editor) return;
    const { selection } = editor.state;
    if (selection instanceof NodeSelection && selection.node.type.name === "figure") {
      setDialog({ kind: "figure", attrs: selection.node.attrs as FigureAttrs, isNew: false });
    }
  }

  // Field problems: what the last workflow step refused, and what the server finds after each store
  // (message keys) — shown at the field, blocking submit/publish only, never the saving.
  const messageFor = (key: string) => (tr.has(key as never) ? tr(key as never) : key);
  const stepErrors = refusedStep.against === collab.invalid ? refusedStep.errors : {};
  const errors: FieldErrors = { ...translated(collab.invalid, messageFor), ...stepErrors };
  const { fieldError, invalid } = fieldMessages(errors);
  const directSteps: Record<DirectStep, () => void> = {
    submit: () => void step(submitArticleAction, t("submitted")),
    withdraw: () => void step(withdrawArticleAction, t("withdrawn")),
    publish: () =>
      void step(publishArticleAction, t("published"), status === "published" ? { correctionKind: correction.kind, correctionText: correction.text } : {}),
    cancelSchedule: () => void step(cancelScheduleAction, t("scheduleCancelled")),
  };
  const leadPreview = fields.leadImageId !== null ? (previews.get(fields.leadImageId) ?? null) : null;

  return (
    <>
      <ArticleNav articleId={article.id} current="edit" />
      <div className="editor-layout">
        <div>
          <Presence peers={collab.peers} />
          <WorkflowBar
            status={status}
            can={can}
            busy={busy}
            panel={panel}
            onStep={(name) => directSteps[name]()}
            onTogglePanel={togglePanel}
            saveStatus={<SaveStatus state={collab.status} />}
          />
          {message && (
            <div className="alert alert--error" role="alert">
              <p style={{ margin: 0 }}>{message}</p>
              {/* Field messages that have no field on this screen still need to be read somewhere. */}
              {Object.entries(errors)
                .filter(([field]) => !SHOWN_FIELDS.has(field))
                .map(([field, messages]) => (
                  <p key={field} style={{ margin: ".25rem 0 0" }}>
                    {messages.join(" ")}
                  </p>
                ))}
            </div>
          )}
          {collab.refused && (
            <p className="alert alert--error" role="alert">
              {t("collabRefused")}
            </p>
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
          <WorkflowPanels
            panel={panel}
            status={status}
            busy={busy}
            errors={errors}
            timeZone={timeZone}
            note={note}
            onNote={setNote}
            scheduleAt={scheduleAt}
            onScheduleAt={setScheduleAt}
            correction={correction}
            onCorrection={setCorrection}
            onSendBack={() => void step(requestChangesAction, t("sentBack"))}
            onSchedule={() => void step(scheduleArticleAction, t("scheduled"), { at: scheduleAt })}
            onUnpublish={() => void step(unpublishArticleAction, t("unpublished"))}
          />
          {collab.scope === "readonly" && (
            <p className="field__hint editor-readonly" role="note">
              {status === "in_review" ? t("readOnlyInReview") : t("readOnly")}
            </p>
          )}
          <div className="field editor-headline">
            <label htmlFor="headline">{t("headline")}</label>
            <CollabInput doc={doc} field="headline" id="headline" readOnly={readOnly} maxLength={200} {...invalid("headline", "headline-hint")} />
            {fieldError("headline") ?? (
              <p id="headline-hint" className={`field__hint${fields.headline.length > HEADLINE_IDEAL ? " field__hint--warn" : ""}`}>
                {t("headlineHint", { count: fields.headline.length, ideal: HEADLINE_IDEAL })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="standfirst">{t("standfirst")}</label>
            <CollabTextarea doc={doc} field="standfirst" id="standfirst" rows={2} readOnly={readOnly} {...invalid("standfirst")} />
            {fieldError("standfirst")}
          </div>
          <div className="field">
            <span className="label" id="body-label">
              {t("text")}
            </span>
            {editor && !readOnly && (
              <Toolbar editor={editor} onLink={() => setDialog({ kind: "link" })} onImage={() => setDialog({ kind: "media", for: "figure" })} onFigureDetails={openFigureDetails} />
            )}
            <div className={`editor-surface${readOnly ? " editor-surface--readonly" : ""}`} aria-labelledby="body-label">
              <EditorContent editor={editor} />
            </div>
            {fieldError("body")}
            <p className="word-count" aria-live="polite">
              {t("wordCount", { count: words, minutes: readingMinutes(words) })}
            </p>
          </div>
        </div>
        <SettingsPanel
          doc={doc}
          fields={fields}
          leadPreview={leadPreview}
          onPickLead={() => setDialog({ kind: "media", for: "lead" })}
          onRemoveLead={() => {
            doc.transact(() => {
              setField(doc, "leadImageId", null);
              for (const key of ["leadCaption", "leadCredit", "leadAlt"] as const) setText(doc, key, "");
            });
          }}
          sections={sections}
          people={people}
          errors={errors}
          readOnly={readOnly}
          articleId={article.id}
          liveLink={liveUrl && status === "published" ? { href: liveUrl, unpublishedChanges: Boolean(article.hasUnpublishedChanges && !notice) } : null}
          notes={notes}
        />
        <EditorDialogs
          editor={editor}
          dialog={dialog}
          onDialog={setDialog}
          onLeadImage={(lead) => {
            setPreviews((m) => new Map(m).set(lead.mediaId, lead));
            // One change: whoever looks sees the image with its caption, credit and alt together.
            doc.transact(() => {
              setField(doc, "leadImageId", lead.mediaId);
              setText(doc, "leadCaption", lead.caption);
              setText(doc, "leadCredit", lead.credit);
              setText(doc, "leadAlt", lead.alt);
            });
          }}
        />
      </div>
    </>
  );
}

/** The server sends message keys ("validation.creditRequired"); unknown keys are shown as they are. */
function translated(fields: Record<string, string[]>, tr: (key: string) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, keys] of Object.entries(fields)) {
    out[name] = keys.map(tr);
  }
  return out;
}
