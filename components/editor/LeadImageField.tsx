"use client";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import type { FieldErrors } from "@/lib/errors";
import { CollabInput, CollabTextarea } from "./collab-fields";
import { fieldMessages } from "./field-messages";

/** What the browser needs to show a picked image (the document holds only its id). */
export type ImagePreview = { src: string; srcset: string; width: number; height: number };

/**
 * The lead image: chosen from the library (or uploaded there), with this article's caption, credit
 * and alt — text fields of the shared document, so a colleague can add the credit while you write.
 */
export function LeadImageField({
  doc,
  mediaId,
  preview,
  alt,
  errors,
  disabled,
  onPick,
  onRemove,
}: {
  doc: Y.Doc;
  mediaId: number | null;
  preview: ImagePreview | null;
  alt: string;
  errors: FieldErrors;
  disabled?: boolean;
  onPick: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("editor");
  const { fieldError: error, invalid: described } = fieldMessages(errors);
  return (
    <fieldset className="field lead-image">
      <legend>{t("leadImage")}</legend>
      {mediaId !== null ? (
        <>
          {preview && (
            // eslint-disable-next-line @next/next/no-img-element -- a stored variant from the media library
            <img className="lead-image__preview" src={preview.src} srcSet={preview.srcset} sizes="20rem" alt={alt} width={preview.width} height={preview.height} />
          )}
          <label htmlFor="lead-caption">{t("caption")}</label>
          <CollabTextarea doc={doc} field="leadCaption" id="lead-caption" rows={2} readOnly={disabled} {...described("leadCaption")} />
          {error("leadCaption")}
          <label htmlFor="lead-credit">{t("credit")}</label>
          <CollabInput doc={doc} field="leadCredit" id="lead-credit" readOnly={disabled} {...described("leadCredit")} />
          {error("leadCredit")}
          <label htmlFor="lead-alt">{t("altText")}</label>
          <CollabInput doc={doc} field="leadAlt" id="lead-alt" readOnly={disabled} {...described("leadAlt")} />
          {error("leadAlt")}
          <div className="action-bar">
            <button type="button" className="button" disabled={disabled} onClick={onPick}>
              {t("leadImageReplace")}
            </button>
            <button type="button" className="button button--ghost" disabled={disabled} onClick={onRemove}>
              {t("leadImageRemove")}
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="button" disabled={disabled} onClick={onPick}>
          {t("leadImageChoose")}
        </button>
      )}
      {error("leadImageId")}
    </fieldset>
  );
}
