"use client";
// Placeholder until the media library lands (branch `media`); same props.
export type MediaItem = { id: number; src: string; srcset: string; width: number; height: number; filename: string; caption: string; credit: string; alt: string };
export function MediaPicker(_props: { open: boolean; onClose: () => void; onSelect: (item: MediaItem) => void }) {
  return null;
}
