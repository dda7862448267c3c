"use client";
import { useTranslations } from "next-intl";
import type { LeadImage } from "@/lib/editor/article";
import type { FieldErrors } from "@/lib/errors";

/** The lead image: chosen from the library (or uploaded there), with this article's caption, credit and alt. */
export function LeadImageField({
  value,
  errors,
  disabled,
  onPick,
  onChange,
}: {
  value: LeadImage | null;
  errors: FieldErrors;
  disabled?: boolean;
  onPick: () => void;
  onChange: (lead: LeadImage | null) => void;
}) {
  const t = useTranslations("editor");
  const error = (name: string) =>
    errors[name]?.length ? (
      <p className="field__error" id={`${name}-error`}>
        {errors[name].join(" ")}
      </p>
    ) : null;
  const described = (name: string) => (errors[name]?.length ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {});
  return (
    <fieldset className="field lead-image">
      <legend>{t("leadImage")}</legend>
      {value ? (
        <>
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored variant from the media library */}
          <img className="lead-image__preview" src={value.src} srcSet={value.srcset} sizes="20rem" alt={value.alt} width={value.width} height={value.height} />
          <label htmlFor="lead-caption">{t("caption")}</label>
          <textarea id="lead-caption" rows={2} value={value.caption} readOnly={disabled} onChange={(e) => onChange({ ...value, caption: e.target.value })} {...described("leadCaption")} />
          {error("leadCaption")}
          <label htmlFor="lead-credit">{t("credit")}</label>
          <input id="lead-credit" value={value.credit} readOnly={disabled} onChange={(e) => onChange({ ...value, credit: e.target.value })} {...described("leadCredit")} />
          {error("leadCredit")}
          <label htmlFor="lead-alt">{t("altText")}</label>
          <input id="lead-alt" value={value.alt} readOnly={disabled} onChange={(e) => onChange({ ...value, alt: e.target.value })} {...described("leadAlt")} />
          {error("leadAlt")}
          <div className="action-bar">
            <button type="button" className="button" disabled={disabled} onClick={onPick}>
              {t("leadImageReplace")}
            </button>
            <button type="button" className="button button--ghost" disabled={disabled} onClick={() => onChange(null)}>
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
