"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FigureAttrs } from "@/lib/content/nodes";
import { Dialog } from "@/components/ui/Dialog";

/** Caption, credit and text alternative of an image in the body (alt and credit required). Mounted per image. */
export function FigureDialog({
  figure,
  onApply,
  onClose,
}: {
  figure: FigureAttrs;
  onApply: (attrs: FigureAttrs) => void;
  onClose: () => void;
}) {
  const t = useTranslations("editor");
  const [draft, setDraft] = useState<FigureAttrs>(figure);
  const [errors, setErrors] = useState<{ alt?: string; credit?: string }>({});

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const next = { alt: draft.alt.trim() ? undefined : t("figureAltRequired"), credit: draft.credit.trim() ? undefined : t("figureCreditRequired") };
    setErrors(next);
    if (next.alt || next.credit) return;
    onApply({ ...draft, alt: draft.alt.trim(), caption: draft.caption.trim(), credit: draft.credit.trim() });
  }
  const set = (patch: Partial<FigureAttrs>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <Dialog open title={t("figureDetails")} onClose={onClose}>
      <form onSubmit={apply} noValidate>
        {/* eslint-disable-next-line @next/next/no-img-element -- a stored variant, sized by the library */}
        <img className="dialog__preview" src={draft.src} alt="" />
        <div className="field">
          <label htmlFor="figure-alt">{t("altText")}</label>
          <input id="figure-alt" value={draft.alt} onChange={(e) => set({ alt: e.target.value })} aria-invalid={errors.alt ? true : undefined} aria-describedby={errors.alt ? "figure-alt-error" : undefined} />
          {errors.alt && <p id="figure-alt-error" className="field__error">{errors.alt}</p>}
        </div>
        <div className="field">
          <label htmlFor="figure-caption">{t("caption")}</label>
          <input id="figure-caption" value={draft.caption} onChange={(e) => set({ caption: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="figure-credit">{t("credit")}</label>
          <input id="figure-credit" value={draft.credit} onChange={(e) => set({ credit: e.target.value })} aria-invalid={errors.credit ? true : undefined} aria-describedby={errors.credit ? "figure-credit-error" : undefined} />
          {errors.credit && <p id="figure-credit-error" className="field__error">{errors.credit}</p>}
        </div>
        <div className="action-bar">
          <button className="button button--primary" type="submit">{t("figureApply")}</button>
          <button className="button button--ghost" type="button" onClick={onClose}>{t("cancel")}</button>
        </div>
      </form>
    </Dialog>
  );
}
