"use client";
// Upload by file picker or drag and drop, one file after another, each with a real progress
// bar (XMLHttpRequest reports upload progress; fetch does not). The server decides what an
// image is; a file over the size limit is refused here too, before it is sent.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { MediaItem } from "@/lib/media/urls";

export type UploadDropzoneProps = {
  /** Called once per file the library accepted. */
  onUploaded?: (item: MediaItem) => void;
  /** The server's limit, to refuse an oversize file before sending it (the server checks anyway). */
  maxBytes?: number;
};

type Progress = { name: string; loaded: number; total: number; processing: boolean };
type UploadResponse = { ok: true; item: MediaItem } | { ok: false; message: string };

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

export function UploadDropzone({ onUploaded, maxBytes }: UploadDropzoneProps) {
  const t = useTranslations();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [finished, setFinished] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;

  async function uploadAll(files: File[]) {
    if (busy || !files.length) return;
    setErrors([]);
    setFinished([]);
    for (const file of files) {
      if (maxBytes !== undefined && file.size > maxBytes) {
        const max = String(Number((maxBytes / (1024 * 1024)).toFixed(1)));
        setErrors((e) => [...e, t("media.uploadFailed", { name: file.name, message: t("validation.mediaTooLarge", { max }) })]);
        continue;
      }
      setProgress({ name: file.name, loaded: 0, total: file.size, processing: false });
      const result = await send(file, (loaded, total) =>
        setProgress({ name: file.name, loaded, total, processing: loaded >= total }),
      );
      if (result.ok) {
        setFinished((f) => [...f, t("media.uploaded", { name: file.name })]);
        onUploaded?.(result.item);
      } else {
        setErrors((e) => [...e, t("media.uploadFailed", { name: file.name, message: result.message })]);
      }
    }
    setProgress(null);
    if (input.current) input.current.value = "";
  }

  function send(file: File, onProgress: (loaded: number, total: number) => void): Promise<UploadResponse> {
    const interrupted: UploadResponse = { ok: false, message: t("media.networkError") };
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/media");
      xhr.responseType = "json";
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
      xhr.onload = () => {
        const body = xhr.response as UploadResponse | null;
        resolve(body && typeof body === "object" && "ok" in body ? body : interrupted);
      };
      xhr.onerror = xhr.onabort = xhr.ontimeout = () => resolve(interrupted);
      const body = new FormData();
      body.append("file", file);
      xhr.send(body);
    });
  }

  const percent = progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <div
      className={`dropzone${dragging ? " dropzone--active" : ""}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void uploadAll(Array.from(e.dataTransfer.files));
      }}
    >
      <div className="dropzone__choose">
        <input
          ref={input}
          id={`${id}-file`}
          className="visually-hidden"
          type="file"
          accept={ACCEPT}
          multiple
          disabled={busy}
          aria-describedby={`${id}-hint`}
          onChange={(e) => void uploadAll(Array.from(e.target.files ?? []))}
        />
        <label htmlFor={`${id}-file`} className="button button--primary">
          {t("media.fileLabel")}
        </label>
        <span>{t("media.dropHint")}</span>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t("media.acceptedHint", { max: maxBytes ? Number((maxBytes / (1024 * 1024)).toFixed(1)) : 20 })}
      </p>
      {progress && (
        <div className="upload-progress">
          <label htmlFor={`${id}-progress`}>{progress.processing ? t("media.processing", { name: progress.name }) : t("media.progressLabel", { name: progress.name })}</label>
          {/* While the server makes the variants the bar has no end to show: indeterminate. */}
          <progress id={`${id}-progress`} max={progress.total || 1} value={progress.processing ? undefined : progress.loaded}>
            {t("media.progressPercent", { percent })}
          </progress>
          {!progress.processing && <span aria-hidden="true">{t("media.progressPercent", { percent })}</span>}
        </div>
      )}
      <div role="status" className="upload-finished">
        {finished.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <div role="alert" className="upload-errors">
        {errors.map((message, i) => (
          <p key={i} className="field__error">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}
