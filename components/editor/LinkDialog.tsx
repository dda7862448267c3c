"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { isSafeHref } from "@/lib/content/links";
import { Dialog } from "@/components/ui/Dialog";
import { useArticleSearch } from "./useArticleSearch";

export type LinkTarget = { href: string };

/**
 * Link dialog (mounted afresh each time it opens, so it starts from the current link): a web or mail address, or another Copydesk article found by its headline
 * (linked by its short link, which survives a change of address).
 */
export function LinkDialog({
  open,
  initialHref,
  onApply,
  onRemove,
  onClose,
}: {
  open: boolean;
  initialHref: string;
  onApply: (href: string) => void;
  onRemove: (() => void) | null;
  onClose: () => void;
}) {
  const t = useTranslations("editor");
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState("");
  const [query, setQuery] = useState("");
  const found = useArticleSearch(query);

  function apply(event: React.FormEvent) {
    event.preventDefault();
    const value = href.trim();
    if (!/^(https?:\/\/|mailto:|\/a\/\d+$)/i.test(value) || !isSafeHref(value)) {
      setError(t("linkInvalid"));
      return;
    }
    onApply(value);
  }

  return (
    <Dialog open={open} title={initialHref ? t("editLink") : t("addLink")} onClose={onClose}>
      <form onSubmit={apply} noValidate>
        <div className="field">
          <label htmlFor="link-href">{t("linkAddress")}</label>
          <input
            id="link-href"
            type="text"
            inputMode="url"
            value={href}
            autoFocus
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "link-error" : "link-hint"}
            onChange={(e) => setHref(e.target.value)}
          />
          {error ? (
            <p id="link-error" className="field__error">
              {error}
            </p>
          ) : (
            <p id="link-hint" className="field__hint">
              {t("linkHint")}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="link-search">{t("linkSearch")}</label>
          <input id="link-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
          {found.length > 0 && (
            <ul className="pick-list" aria-label={t("linkSearchResults")}>
              {found.map((a) => (
                <li key={a.id}>
                  <button type="button" className="pick-list__item" onClick={() => onApply(`/a/${a.id}`)}>
                    {a.headline} <span className="field__hint">{a.sectionName}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {query.trim() && found.length === 0 && <p className="field__hint">{t("linkSearchNone")}</p>}
        </div>
        <div className="action-bar">
          <button className="button button--primary" type="submit">
            {t("applyLink")}
          </button>
          {onRemove && (
            <button className="button" type="button" onClick={onRemove}>
              {t("removeLink")}
            </button>
          )}
          <button className="button button--ghost" type="button" onClick={onClose}>
            {t("cancel")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
