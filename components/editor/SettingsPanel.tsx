"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import type { CollabFields, RelatedLinkItem } from "@/lib/collab/document";
import type { RelatedItem } from "@/lib/editor/article";
import type { FieldErrors } from "@/lib/errors";
import { slugify } from "@/lib/slug";
import { CollabInput, CollabTextarea, setField, setList } from "./collab-fields";
import { fieldMessages } from "./field-messages";
import { LeadImageField, type ImagePreview } from "./LeadImageField";
import { BylineField, RelatedField, TagField } from "./ListFields";
import { NotesThread, type ArticleNoteView } from "./NotesThread";
import { SectionField } from "./SectionField";

const toRelated = (items: RelatedLinkItem[]): RelatedItem[] => items.map((r) => ("articleId" in r ? { articleId: r.articleId, title: r.title, href: null } : r));
// The document holds exactly the contract's keys; `href` is the browser's.
const fromRelated = (items: RelatedItem[]): RelatedLinkItem[] => items.map((r) => ("articleId" in r ? { articleId: r.articleId, title: r.title } : { url: r.url, title: r.title }));

/** The editor's side column: the article's metadata (section, language, slug, byline, lead image, tags, related, SEO) and its notes. */
export function SettingsPanel({
  doc,
  fields,
  leadPreview,
  onPickLead,
  onRemoveLead,
  sections,
  people,
  errors,
  readOnly,
  articleId,
  liveLink,
  notes,
}: {
  doc: Y.Doc;
  fields: CollabFields;
  leadPreview: ImagePreview | null;
  onPickLead: () => void;
  onRemoveLead: () => void;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  errors: FieldErrors;
  readOnly: boolean;
  articleId: number;
  /** The published page, with a hint when the working copy has changes readers don't see yet. */
  liveLink: { href: string; unpublishedChanges: boolean } | null;
  notes?: ArticleNoteView[];
}) {
  const t = useTranslations("editor");
  const tr = useTranslations();
  const { fieldError, invalid } = fieldMessages(errors);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const authors = fields.authorIds.map((id) => ({ id, name: nameOf.get(id) ?? `#${id}` }));
  return (
    <aside className="panel editor-settings" aria-label={t("settings")}>
      <SectionField
        value={fields.sectionId === null ? "" : String(fields.sectionId)}
        onChange={(id) => setField(doc, "sectionId", id ? Number(id) : null)}
        sections={sections}
        errors={errors}
        disabled={readOnly}
      />
      <div className="field">
        <label htmlFor="language">{t("language")}</label>
        <select id="language" value={fields.language} disabled={readOnly} onChange={(e) => setField(doc, "language", e.target.value)}>
          <option value="de">{tr("languages.de")}</option>
          <option value="en">{tr("languages.en")}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="slug">{t("slug")}</label>
        {/* Empty follows the headline (shown as the placeholder) until someone types a slug. */}
        <CollabInput doc={doc} field="slug" id="slug" readOnly={readOnly} spellCheck={false} placeholder={slugify(fields.headline)} {...invalid("slug", "slug-hint")} />
        {fieldError("slug") ?? (
          <p id="slug-hint" className="field__hint">
            {t("slugHint")}
          </p>
        )}
      </div>
      <BylineField value={authors} people={people} error={errors.authorIds} disabled={readOnly} onChange={(change) => setList<number>(doc, "authorIds", change)} />
      <LeadImageField
        doc={doc}
        mediaId={fields.leadImageId}
        preview={leadPreview}
        alt={fields.leadAlt}
        errors={errors}
        disabled={readOnly}
        onPick={onPickLead}
        onRemove={onRemoveLead}
      />
      <TagField value={fields.tags} error={errors.tags} disabled={readOnly} onChange={(change) => setList<string>(doc, "tags", change)} />
      <RelatedField value={toRelated(fields.related)} error={errors.related} disabled={readOnly} onChange={(change) => setList<RelatedLinkItem>(doc, "related", (items) => fromRelated(change(toRelated(items))))} />
      <div className="field">
        <label htmlFor="seo-title">{t("seoTitle")}</label>
        <CollabInput doc={doc} field="seoTitle" id="seo-title" readOnly={readOnly} placeholder={fields.headline} {...invalid("seoTitle", "seo-title-hint")} />
        {fieldError("seoTitle") ?? (
          <p id="seo-title-hint" className="field__hint">
            {t("seoTitleHint")}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="seo-description">{t("seoDescription")}</label>
        <CollabTextarea doc={doc} field="seoDescription" id="seo-description" rows={3} readOnly={readOnly} placeholder={fields.standfirst} {...invalid("seoDescription", "seo-description-hint")} />
        {fieldError("seoDescription") ?? (
          <p id="seo-description-hint" className="field__hint">
            {t("seoDescriptionHint")}
          </p>
        )}
      </div>
      {liveLink && (
        <p>
          <Link href={liveLink.href}>{t("viewLiveShort")}</Link>
          {liveLink.unpublishedChanges && <span className="field__hint">{` · ${t("hasUnpublishedChanges")}`}</span>}
        </p>
      )}
      <p className="field__hint">
        {t("shortLinkLabel")} <a href={`/a/${articleId}`}>{`/a/${articleId}`}</a>
      </p>
      <NotesThread articleId={articleId} initial={notes ?? []} />
    </aside>
  );
}
