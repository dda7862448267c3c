"use client";
// Choose an image for an article: upload a new one or pick from the library. A native modal
// <dialog> (focus trapped by the browser, Esc closes it); focus goes back to the opener.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import type { MediaItem } from "@/lib/media/urls";
import { UploadDropzone } from "./UploadDropzone";

export type MediaPickerProps = {
  open: boolean;
  /** The picker asks to close (close button, Esc, or after a choice): set `open` to false. */
  onClose: () => void;
  /** An image was chosen (picked from the library, or just uploaded). `onClose` follows. */
  onSelect: (item: MediaItem) => void;
};

type ListResponse = { ok: true; items: MediaItem[]; q: string; page: number; pages: number; total: number; maxMb: number };

export function MediaPicker({ open, onClose, onSelect }: MediaPickerProps) {
  const t = useTranslations("media");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const openRef = useRef(open);
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [list, setList] = useState<ListResponse | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [loading, setLoading] = useState(false);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    openRef.current = open;
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      el.showModal();
    } else if (!open && el.open) {
      el.close();
    }
  }, [open]);

  // The library, as the search field says, fetched a moment after typing stops.
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        const response = await fetch(`/api/media?${new URLSearchParams({ q, page: String(page) })}`, { signal: controller.signal });
        const body = (await response.json()) as ListResponse | { ok: false };
        if (!body.ok) throw new Error("list failed");
        setList(body);
        setLoadFailed(false);
      } catch {
        if (!controller.signal.aborted) setLoadFailed(true);
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, q, page, reload]);

  const choose = useCallback(
    (item: MediaItem) => {
      onSelect(item);
      dialog.current?.close();
    },
    [onSelect],
  );

  return (
    <dialog
      ref={dialog}
      className="media-picker"
      aria-labelledby={`${id}-title`}
      onClose={() => {
        opener.current?.focus();
        if (openRef.current) onClose();
      }}
    >
      <div className="media-picker__header">
        <h2 id={`${id}-title`}>{t("pickerTitle")}</h2>
        <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
          {t("close")}
        </button>
      </div>
      <section aria-labelledby={`${id}-upload`} className="media-picker__upload">
        <h3 id={`${id}-upload`}>{t("pickerUpload")}</h3>
        <UploadDropzone
          maxBytes={list ? list.maxMb * 1024 * 1024 : undefined}
          onUploaded={(item) => {
            setReload((n) => n + 1);
            choose(item);
          }}
        />
      </section>
      <section aria-labelledby={`${id}-library`}>
        <h3 id={`${id}-library`}>{t("pickerLibrary")}</h3>
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("pickerSearch")}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            maxLength={200}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
          />
        </div>
        {loadFailed && (
          <p role="alert" className="field__error">
            {t("loadError")}
          </p>
        )}
        <p role="status" className="field__hint">
          {loading ? t("loading") : list ? (list.q ? (list.total ? t("count", { count: list.total }) : t("noResults", { q: list.q })) : t("count", { count: list.total })) : ""}
        </p>
        {list && list.items.length > 0 && (
          <ul className="media-grid media-grid--picker">
            {list.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="media-choice" aria-label={item.alt || item.filename} title={item.filename} onClick={() => choose(item)}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own WebP variants with srcset */}
                  <img src={item.src} srcSet={item.srcset} sizes="10rem" alt="" width={item.width} height={item.height} loading="lazy" />
                  <span className="media-choice__name">{item.filename}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {list && list.pages > 1 && (
          <nav aria-label={t("pagination")} className="pagination">
            <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              {t("previousPage")}
            </button>
            <span>{t("pageOf", { page: list.page, pages: list.pages })}</span>
            <button type="button" className="button" disabled={page >= list.pages} onClick={() => setPage((p) => p + 1)}>
              {t("nextPage")}
            </button>
          </nav>
        )}
      </section>
    </dialog>
  );
}
