"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState } from "react";
import type { FormState } from "@/lib/errors";

type Action = (state: FormState<{ slot: string }>, form: FormData) => Promise<FormState<{ slot: string }>>;

/**
 * Under one slot of the desk's front preview: name an article (address, short link or number,
 * or pick one of the newest from the suggestions) and place it, or release the slot to the
 * newest article. What went wrong appears beside the field.
 */
export function FrontSlotForm({ front, slot, slotName, placed, suggestions, place, clear }: { front: string; slot: string; slotName: string; placed: boolean; suggestions: string; place: Action; clear: Action }) {
  const t = useTranslations("front");
  const id = useId();
  const [state, placeAction, placing] = useActionState(place, null);
  const [cleared, clearAction, clearing] = useActionState(clear, null);
  // The status speaks of the form used last: after "Place" then "Release", of the release.
  const [last, setLast] = useState<"place" | "clear">("place");
  const result = last === "place" ? state : cleared;
  const errors = last === "place" ? (state?.fieldErrors?.article ?? state?.fieldErrors?.slot) : undefined;
  const status = errors ? "" : (result?.message ?? "");
  return (
    <div className="front-slot">
      <form
        className="front-slot__form"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setLast("place");
          startTransition(() => placeAction(data));
        }}
      >
        <input type="hidden" name="front" value={front} />
        <input type="hidden" name="slot" value={slot} />
        <input type="hidden" name="slotName" value={slotName} />
        <label htmlFor={`${id}-article`}>{t("articleLabel", { slot: slotName })}</label>
        <div className="inline-form">
          <input
            id={`${id}-article`}
            name="article"
            list={suggestions}
            autoComplete="off"
            maxLength={500}
            aria-invalid={errors ? true : undefined}
            aria-describedby={errors ? `${id}-error` : undefined}
          />
          <button className="button" type="submit" disabled={placing}>
            {t("place")}
          </button>
        </div>
        {errors && (
          <p className="field__error" id={`${id}-error`}>
            {errors.join(" ")}
          </p>
        )}
      </form>
      {placed && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const data = new FormData(e.currentTarget);
            setLast("clear");
            startTransition(() => clearAction(data));
          }}
        >
          <input type="hidden" name="front" value={front} />
          <input type="hidden" name="slot" value={slot} />
          <input type="hidden" name="slotName" value={slotName} />
          <button className="button button--ghost" type="submit" disabled={clearing} aria-label={`${t("clear")}: ${slotName}`}>
            {t("clear")}
          </button>
        </form>
      )}
      <p className={result?.ok === false ? "field__error" : "field__hint"} role="status">
        {status}
      </p>
    </div>
  );
}
