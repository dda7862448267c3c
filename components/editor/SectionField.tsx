"use client";
import { useTranslations } from "next-intl";
import type { FieldErrors } from "@/lib/errors";
import { fieldMessages } from "./field-messages";

/** The article's section: one of the newsroom's sections, or none yet (a draft may be without). */
export function SectionField({
  value,
  onChange,
  sections,
  errors,
  disabled,
}: {
  value: string;
  onChange: (sectionId: string) => void;
  sections: { id: number; name: string }[];
  errors: FieldErrors;
  disabled?: boolean;
}) {
  const t = useTranslations("editor");
  const { fieldError, invalid } = fieldMessages(errors);
  return (
    <div className="field">
      <label htmlFor="section">{t("section")}</label>
      <select id="section" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} {...invalid("sectionId")}>
        <option value="">{t("chooseSection")}</option>
        {sections.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      {fieldError("sectionId")}
    </div>
  );
}
