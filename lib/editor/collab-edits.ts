// Small pure pieces of binding form fields to a shared (Yjs) document: where a caret goes when
// someone else's typing lands in the same field, and which items of a list changed. No Yjs import:
// the shapes below are the ones Y.Text and Y.Array deliver.

/** One operation of a Y.Text change (`event.delta`). */
export type TextDeltaOp = { retain?: number; insert?: string | object; delete?: number };

/**
 * Moves a caret/selection through another person's change, so it stays on the same characters:
 * text inserted before it pushes it right, text deleted before it pulls it left. An insertion right
 * at the caret stays after it (the local person keeps typing where they were).
 */
export function mapSelection(delta: readonly TextDeltaOp[], start: number, end: number): [number, number] {
  let pos = 0;
  let s = start;
  let e = end;
  for (const op of delta) {
    if (op.retain !== undefined) pos += op.retain;
    else if (op.insert !== undefined) {
      const n = typeof op.insert === "string" ? op.insert.length : 1;
      if (pos < s) s += n;
      if (pos < e) e += n;
      pos += n;
    } else if (op.delete !== undefined) {
      const n = op.delete;
      if (pos < s) s -= Math.min(n, s - pos);
      if (pos < e) e -= Math.min(n, e - pos);
    }
  }
  return [s, e];
}

/**
 * The smallest splice that turns `prev` into `next` (common head and tail kept), so two people
 * changing different items of the same list (tags, bylines) both keep their change.
 */
export function listSplice<T>(prev: readonly T[], next: readonly T[], same: (a: T, b: T) => boolean = sameJson): { index: number; remove: number; insert: T[] } | null {
  let head = 0;
  while (head < prev.length && head < next.length && same(prev[head], next[head])) head++;
  let tail = 0;
  while (tail < prev.length - head && tail < next.length - head && same(prev[prev.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  const remove = prev.length - head - tail;
  const insert = next.slice(head, next.length - tail);
  if (remove === 0 && insert.length === 0) return null;
  return { index: head, remove, insert };
}

function sameJson(a: unknown, b: unknown) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
