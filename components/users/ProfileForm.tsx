"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useId, useState } from "react";
import { updateProfileAction } from "@/app/(desk)/desk/profile/actions";
import type { FormState } from "@/lib/errors";
import { MediaPicker } from "@/components/media/MediaPicker";
import type { MediaItem } from "@/lib/media/urls";
import { SaveBar } from "@/components/ui/SaveBar";

type Photo = Pick<MediaItem, "id" | "src" | "srcset" | "width" | "height">;
type Props = { name: string; bio: string; photo: Photo | null };

/** What the author page shows: name, biography, photo from the media library. */
export function ProfileForm({ name, bio, photo: initialPhoto }: Props) {
  const t = useTranslations("profile");
  const id = useId();
  const [photo, setPhoto] = useState<Photo | null>(initialPhoto);
  const [picking, setPicking] = useState(false);
  const [state, action, pending] = useActionState<FormState, FormData>(updateProfileAction, null);
  const errors = (field: string) => state?.fieldErrors?.[field];
  const errorText = (field: string) =>
    errors(field) && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors(field)!.join(" ")}
      </p>
    );
  const describedBy = (field: string, hint?: string) => [hint, errors(field) ? `${id}-${field}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form
      className="profile-form"
      noValidate
      // Not `action=`: React would reset the fields after submitting, losing what was typed on an error.
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input id={`${id}-name`} name="name" defaultValue={name} required maxLength={120} autoComplete="name" aria-invalid={errors("name") ? true : undefined} aria-describedby={describedBy("name")} />
        {errorText("name")}
      </div>
      <div className="field">
        <label htmlFor={`${id}-bio`}>{t("bio")}</label>
        <textarea id={`${id}-bio`} name="bio" defaultValue={bio} rows={5} maxLength={2000} aria-invalid={errors("bio") ? true : undefined} aria-describedby={describedBy("bio", `${id}-bio-hint`)} />
        <span id={`${id}-bio-hint`} className="field__hint">
          {t("bioHint")}
        </span>
        {errorText("bio")}
      </div>
      <fieldset className="field profile-photo" aria-describedby={errors("avatarMediaId") ? `${id}-avatarMediaId-error` : undefined}>
        <legend className="label">{t("photo")}</legend>
        <input type="hidden" name="avatarMediaId" value={photo?.id ?? ""} />
        <div className="profile-photo__row">
          {photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own WebP variants with srcset
            <img className="profile-photo__preview" src={photo.src} srcSet={photo.srcset} sizes="8rem" alt={t("photoAlt")} width={photo.width} height={photo.height} />
          ) : (
            <p className="profile-photo__empty">{t("noPhoto")}</p>
          )}
          <div className="profile-photo__buttons">
            <button type="button" className="button" onClick={() => setPicking(true)}>
              {photo ? t("changePhoto") : t("choosePhoto")}
            </button>
            {photo && (
              <button type="button" className="button" onClick={() => setPhoto(null)}>
                {t("removePhoto")}
              </button>
            )}
          </div>
        </div>
        {errorText("avatarMediaId")}
      </fieldset>
      <MediaPicker open={picking} onClose={() => setPicking(false)} onSelect={(item) => setPhoto(item)} />
      <SaveBar pending={pending} label={t("save")} pendingLabel={t("saving")} state={state} />
    </form>
  );
}
