"use client";
// The ordered lists beside the editor: bylines, tags and related links. Each item can be
// moved and removed with buttons (keyboard and screen reader friendly, no drag needed).
// Each change is handed up as a function of the list as it is when the change is made (the
// shared document may have colleagues' additions this list has not drawn yet): add this, take
// that one out, move that one — never "the list is now exactly what was drawn, plus mine".
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { suggestTagsAction } from "@/app/(desk)/desk/actions";
import { addTag, moveWhere, type RelatedItem } from "@/lib/editor/article";
import { useArticleSearch } from "./useArticleSearch";

type ErrorProps = { error?: string[]; disabled?: boolean };
/** A change to a list, made on the list as it is at that moment. */
type ListChange<T> = (change: (current: T[]) => T[]) => void;

function FieldError({ id, error }: { id: string; error?: string[] }) {
  return error?.length ? (
    <p className="field__error" id={id}>
      {error.join(" ")}
    </p>
  ) : null;
}

/** Up, down and remove for one item of an ordered list. */
function ItemControls({ name, index, count, onMove, onRemove, disabled }: { name: string; index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void; disabled?: boolean }) {
  const t = useTranslations("editor");
  return (
    <span className="item-controls">
      <button type="button" className="icon-button" aria-label={t("moveUp", { name })} disabled={disabled || index === 0} onClick={() => onMove(-1)}>
        {"↑"}
      </button>
      <button type="button" className="icon-button" aria-label={t("moveDown", { name })} disabled={disabled || index === count - 1} onClick={() => onMove(1)}>
        {"↓"}
      </button>
      <button type="button" className="icon-button" aria-label={t("remove", { name })} disabled={disabled} onClick={onRemove}>
        {"×"}
      </button>
    </span>
  );
}

export function BylineField({
  value,
  people,
  onChange,
  error,
  disabled,
}: ErrorProps & { value: { id: number; name: string }[]; people: { id: number; name: string }[]; onChange: ListChange<number> }) {
  const t = useTranslations("editor");
  const [pick, setPick] = useState("");
  const available = people.filter((p) => !value.some((v) => v.id === p.id));
  return (
    <fieldset className="field" aria-describedby={error?.length ? "authorIds-error" : undefined}>
      <legend>{t("bylines")}</legend>
      <ol className="ordered-list">
        {value.map((person, i) => (
          <li key={person.id}>
            <span>{person.name}</span>
            <ItemControls
              name={person.name}
              index={i}
              count={value.length}
              disabled={disabled}
              onMove={(by) => onChange((ids) => moveWhere(ids, (id) => id === person.id, by))}
              onRemove={() => onChange((ids) => ids.filter((id) => id !== person.id))}
            />
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <label htmlFor="byline-add" className="visually-hidden">
          {t("addByline")}
        </label>
        <select id="byline-add" value={pick} disabled={disabled || available.length === 0} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t("chooseAuthor")}</option>
          {available.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          disabled={disabled || !pick}
          onClick={() => {
            const person = people.find((p) => String(p.id) === pick);
            if (person) onChange((ids) => (ids.includes(person.id) ? ids : [...ids, person.id]));
            setPick("");
          }}
        >
          {t("addByline")}
        </button>
      </div>
      <FieldError id="authorIds-error" error={error} />
    </fieldset>
  );
}

export function TagField({ value, onChange, error, disabled }: ErrorProps & { value: string[]; onChange: ListChange<string> }) {
  const t = useTranslations("editor");
  const listId = useId();
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<string[]>([]);
  useEffect(() => {
    if (!text.trim()) return;
    const timer = setTimeout(async () => {
      const result = await suggestTagsAction(text);
      if (result.ok) setSuggestions(result.data.names);
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);

  function commit() {
    if (text.trim()) onChange((tags) => addTag(tags, text));
    setText("");
  }
  return (
    <fieldset className="field" aria-describedby={error?.length ? "tags-error" : undefined}>
      <legend>{t("tags")}</legend>
      <ul className="ordered-list">
        {value.map((tag, i) => (
          <li key={tag}>
            <span className="tag-chip">{tag}</span>
            <ItemControls
              name={tag}
              index={i}
              count={value.length}
              disabled={disabled}
              onMove={(by) => onChange((tags) => moveWhere(tags, (name) => name === tag, by))}
              onRemove={() => onChange((tags) => tags.filter((name) => name !== tag))}
            />
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label htmlFor="tag-input" className="visually-hidden">
          {t("addTag")}
        </label>
        <input
          id="tag-input"
          list={listId}
          value={text}
          disabled={disabled}
          placeholder={t("tagPlaceholder")}
          autoComplete="off"
          onChange={(e) => {
            // A comma ends a tag, as in every tagging field.
            if (e.target.value.endsWith(",")) {
              const name = e.target.value.slice(0, -1);
              onChange((tags) => addTag(tags, name));
              setText("");
            } else setText(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              commit();
            } else if (e.key === "Backspace" && !text && value.length) {
              // The last chip this person sees, not whatever a colleague added a moment ago.
              const last = value[value.length - 1];
              onChange((tags) => tags.filter((name) => name !== last));
            }
          }}
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="button" className="button" disabled={disabled || !text.trim()} onClick={commit}>
          {t("addTag")}
        </button>
      </div>
      <p className="field__hint">{t("tagHint")}</p>
      <FieldError id="tags-error" error={error} />
    </fieldset>
  );
}

/** The same related link: the same article, or the same address with the same title. */
const sameRelated = (a: RelatedItem) => (b: RelatedItem) => ("articleId" in a ? "articleId" in b && a.articleId === b.articleId : !("articleId" in b) && a.url === b.url && a.title === b.title);

export function RelatedField({ value, onChange, error, disabled }: ErrorProps & { value: RelatedItem[]; onChange: ListChange<RelatedItem> }) {
  const t = useTranslations("editor");
  const [query, setQuery] = useState("");
  const found = useArticleSearch(query);
  const [url, setUrl] = useState("");
  const [title, setTitle] = useState("");
  const [localError, setLocalError] = useState("");

  function addExternal() {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url.trim()).protocol);
    } catch {
      ok = false;
    }
    if (!ok) return setLocalError(t("relatedUrlInvalid"));
    if (!title.trim()) return setLocalError(t("relatedTitleRequired"));
    const link = { url: url.trim(), title: title.trim() };
    onChange((items) => (items.some(sameRelated(link)) ? items : [...items, link]));
    setUrl("");
    setTitle("");
    setLocalError("");
  }
  const shown = [...(localError ? [localError] : []), ...(error ?? [])];

  return (
    <fieldset className="field" aria-describedby={shown.length ? "related-error" : undefined}>
      <legend>{t("related")}</legend>
      <ol className="ordered-list">
        {value.map((item, i) => (
          <li key={"articleId" in item ? `a${item.articleId}` : `u${item.url}${i}`}>
            <span>
              {item.title}
              <span className="field__hint">{"articleId" in item ? ` · ${t("relatedInternal")}` : ` · ${item.url}`}</span>
            </span>
            <ItemControls
              name={item.title}
              index={i}
              count={value.length}
              disabled={disabled}
              onMove={(by) => onChange((items) => moveWhere(items, sameRelated(item), by))}
              onRemove={() => onChange((items) => items.filter((other) => !sameRelated(item)(other)))}
            />
          </li>
        ))}
      </ol>
      <label htmlFor="related-search">{t("relatedSearch")}</label>
      <input id="related-search" type="search" value={query} disabled={disabled} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
      {found.length > 0 && (
        <ul className="pick-list" aria-label={t("relatedSearchResults")}>
          {found.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="pick-list__item"
                disabled={value.some((v) => "articleId" in v && v.articleId === a.id)}
                onClick={() => {
                  const link = { articleId: a.id, title: a.headline, href: a.href };
                  onChange((items) => (items.some(sameRelated(link)) ? items : [...items, link]));
                  setQuery("");
                }}
              >
                {a.headline} <span className="field__hint">{a.sectionName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="related-external">
        <label htmlFor="related-url">{t("relatedUrl")}</label>
        <input id="related-url" type="url" value={url} disabled={disabled} placeholder="https://" onChange={(e) => setUrl(e.target.value)} />
        <label htmlFor="related-title">{t("relatedTitle")}</label>
        <input id="related-title" value={title} disabled={disabled} onChange={(e) => setTitle(e.target.value)} />
        <button type="button" className="button" disabled={disabled} onClick={addExternal}>
          {t("addRelated")}
        </button>
      </div>
      <FieldError id="related-error" error={shown} />
    </fieldset>
  );
}
