// Word-level text diffs for history, restore and the editor's conflict dialog. Pure: no
// database, no React, safe in the browser.
import { diffArrays } from "diff";

export type DiffPart = { kind: "same" | "ins" | "del"; text: string };

// A token is a word (letters of any script with their combining marks, digits), one line
// break, a run of other whitespace, or one other character („ “ – . , …). Unicode classes
// rather than `diff`'s Latin-only word pattern, so "Straßenküche" or "Ελλάδα" stay whole.
const TOKEN = /\r?\n|[^\S\r\n]+|[\p{L}\p{M}\p{N}_\u00AD]+|[^\s\p{L}\p{M}\p{N}_\u00AD]/gu;

/**
 * Past this many token edits, or this long, a diff stops looking for the smallest change
 * and shows the whole text as replaced: still correct, and a page never hangs on a rewrite.
 */
const MAX_EDIT_LENGTH = 3000;
const TIMEOUT_MS = 400;

function tokenize(text: string): string[] {
  // NFC: "ü" typed as u + combining diaeresis equals the precomposed "ü".
  return text.normalize("NFC").match(TOKEN) ?? [];
}

const isSpace = (text: string) => /^[^\S\r\n]+$/.test(text);

/**
 * The changes that turn `before` into `after`, word by word. Concatenating the "same" and
 * "del" parts gives `before`; the "same" and "ins" parts give `after` (both NFC-normalised).
 * Within one changed stretch, deletions come before insertions, and a lone space between
 * two changes joins them, so "alte Fassung" → "neue Version" reads as one replacement.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const changes = diffArrays(a, b, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  const raw: DiffPart[] = changes
    ? changes.map((c) => ({ kind: c.added ? "ins" : c.removed ? "del" : "same", text: c.value.join("") }))
    : [
        { kind: "del", text: a.join("") },
        { kind: "ins", text: b.join("") },
      ];
  return tidySpaces(group(raw.filter((p) => p.text !== "")));
}

/** Folds each run of changes (with single spaces between them) into one deletion and one insertion. */
function group(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let del = "";
  let ins = "";
  const flush = () => {
    if (del) push(out, { kind: "del", text: del });
    if (ins) push(out, { kind: "ins", text: ins });
    del = ins = "";
  };
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p.kind === "del") del += p.text;
    else if (p.kind === "ins") ins += p.text;
    else if ((del || ins) && isSpace(p.text) && parts[i + 1] && parts[i + 1].kind !== "same") {
      // A space kept between two changes belongs to both sides of the replacement.
      del += p.text;
      ins += p.text;
    } else {
      flush();
      push(out, p);
    }
  }
  flush();
  return out;
}

/**
 * Moves a space that both sides of a replacement end with into the unchanged text after it
 * ("[-alte ][+neue ]Fassung" → "[-alte][+neue] Fassung"), so markings hug the words. (A lone
 * insertion or deletion keeps its space: it was inserted or deleted with the word.)
 */
function tidySpaces(parts: DiffPart[]): DiffPart[] {
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].kind === "same") continue;
    const block = parts[i + 1] && parts[i + 1].kind !== "same" && parts[i + 1].kind !== parts[i].kind ? [parts[i], parts[i + 1]] : [parts[i]];
    const next = parts[i + block.length];
    if (block.length === 2 && next?.kind === "same") {
      const space = commonTrailingSpace(block.map((p) => p.text));
      if (space && block.every((p) => p.text.length > space.length)) {
        for (const p of block) p.text = p.text.slice(0, -space.length);
        next.text = space + next.text;
      }
    }
    i += block.length - 1;
  }
  return parts;
}

function commonTrailingSpace(texts: string[]): string {
  const spaces = texts.map((t) => /[^\S\r\n]+$/.exec(t)?.[0] ?? "");
  return spaces.every((s) => s === spaces[0]) ? spaces[0] : "";
}

function push(out: DiffPart[], part: DiffPart) {
  const last = out[out.length - 1];
  if (last && last.kind === part.kind) last.text += part.text;
  else out.push({ ...part });
}

/** Whether a diff has any change at all. */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.kind !== "same");
}

export type FieldValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type FieldChange<K extends string = string> = { key: K; label: string; before: string; after: string; parts: DiffPart[] };

function show(value: FieldValue): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/**
 * The fields whose shown value differs between two versions, in the order of `labels`
 * (which also names the fields to compare). Lists are compared as their joined text, so
 * reordering bylines or tags counts as a change.
 */
export function diffFields<K extends string>(
  before: Partial<Record<K, FieldValue>>,
  after: Partial<Record<K, FieldValue>>,
  labels: Record<K, string>,
): FieldChange<K>[] {
  const changed: FieldChange<K>[] = [];
  for (const key of Object.keys(labels) as K[]) {
    const b = show(before[key]);
    const a = show(after[key]);
    if (a.normalize("NFC") === b.normalize("NFC")) continue;
    changed.push({ key, label: labels[key], before: b, after: a, parts: diffText(b, a) });
  }
  return changed;
}
