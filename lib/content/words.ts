// Word counts and reading time; used live in the editor and stored on save.
export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  return words ? words.length : 0;
}

/** Minutes at ~220 words a minute, never less than one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / 220));
}

export const EMPTY_BODY = { type: "doc", content: [{ type: "paragraph" }] } as const;
