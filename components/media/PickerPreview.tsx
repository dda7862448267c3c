"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { MediaItem } from "@/lib/media/urls";
import { MediaPicker } from "./MediaPicker";

/** The picker on its own page, as the article editor uses it (and for its browser test). */
export function PickerPreview() {
  const t = useTranslations("media");
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<MediaItem | null>(null);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {t("demoOpen")}
      </button>
      <p role="status">{chosen ? t("demoChosen", { name: chosen.alt || chosen.filename }) : t("demoNone")}</p>
      {chosen && (
        // eslint-disable-next-line @next/next/no-img-element -- our own WebP variants with srcset
        <img className="picker-preview" src={chosen.src} srcSet={chosen.srcset} sizes="20rem" alt={chosen.alt} width={chosen.width} height={chosen.height} />
      )}
      <MediaPicker open={open} onClose={() => setOpen(false)} onSelect={setChosen} />
    </>
  );
}
