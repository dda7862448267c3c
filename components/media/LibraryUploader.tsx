"use client";
import { useRouter } from "next/navigation";
import { UploadDropzone } from "./UploadDropzone";

/** The library page's upload control: a new image shows up in the grid below at once. */
export function LibraryUploader({ maxBytes }: { maxBytes: number }) {
  const router = useRouter();
  return <UploadDropzone maxBytes={maxBytes} onUploaded={() => router.refresh()} />;
}
