"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createArticleAction } from "@/app/(desk)/desk/actions";
import { EMPTY_BODY } from "@/lib/content/words";
import type { FieldErrors } from "@/lib/errors";
import { fieldMessages } from "./field-messages";
import { SectionField } from "./SectionField";

/**
 * Starts a new article on the server and opens its (shared) editor. The data layer still wants a
 * headline and a section to create an article; once it creates empty drafts (issue 14, the
 * collaboration server's side) this becomes a click without fields.
 */
export function NewArticleStart({ sections, viewer }: { sections: { id: number; name: string }[]; viewer: { id: number } }) {
  const t = useTranslations("editor");
  const router = useRouter();
  const [headline, setHeadline] = useState("");
  const [sectionId, setSectionId] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { fieldError, invalid } = fieldMessages(errors);

  async function start(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await createArticleAction({ headline, standfirst: "", sectionId: Number(sectionId) || 0, language: "de", body: EMPTY_BODY, authorIds: [viewer.id] });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        setMessage(result.message);
        return;
      }
      router.replace(`/desk/articles/${result.data.id}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={(e) => void start(e)}>
      {message && (
        <p className="alert alert--error" role="alert">
          {message}
        </p>
      )}
      <div className="field editor-headline">
        <label htmlFor="headline">{t("headline")}</label>
        <input id="headline" value={headline} maxLength={200} onChange={(e) => setHeadline(e.target.value)} {...invalid("headline")} />
        {fieldError("headline")}
      </div>
      <SectionField value={sectionId} onChange={setSectionId} sections={sections} errors={errors} />
      <button className="button button--primary" type="submit" disabled={busy}>
        {t("startWriting")}
      </button>
    </form>
  );
}
