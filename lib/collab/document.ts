// The Yjs document of an article and its JSON working copy, converted both ways. Pure: no
// database, no React, no network. The browser editor (TipTap's Collaboration extension on
// the "body" fragment, bound through @tiptap/y-tiptap) and the server read and write the
// same shapes, described in docs/collab-protocol.md.
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { articleSchema, EMPTY_BODY, parseBody } from "../content/body";
import { listSplice } from "../editor/collab-edits";

/** The XmlFragment TipTap's Collaboration extension edits (`field: "body"`). */
export const BODY_FRAGMENT = "body";
/** The Y.Map holding every other field the editor shows. */
export const FIELDS_MAP = "fields";

/** Fields held as Y.Text, so two people typing in the same headline merge character by character. */
export const TEXT_FIELDS = ["headline", "standfirst", "seoTitle", "seoDescription", "slug", "leadCaption", "leadCredit", "leadAlt"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
/** Fields held as Y.Array: whole items are added, removed and moved. */
export const LIST_FIELDS = ["authorIds", "tags", "related"] as const;
/** Fields held as plain values: the last writer wins. */
export const VALUE_FIELDS = ["sectionId", "language", "leadImageId"] as const;

export type RelatedLinkItem = { articleId: number; title: string } | { url: string; title: string };

export type CollabFields = Record<TextField, string> & {
  sectionId: number | null;
  language: "de" | "en";
  leadImageId: number | null;
  authorIds: number[];
  tags: string[];
  related: RelatedLinkItem[];
};

/** The JSON working copy: what `db/articles` stores and validates, derived from the document. */
export type WorkingCopy = CollabFields & { body: JSONContent };

const KNOWN_FIELDS = new Set<string>([...TEXT_FIELDS, ...LIST_FIELDS, ...VALUE_FIELDS]);
const KNOWN_ROOTS = new Set([BODY_FRAGMENT, FIELDS_MAP]);

/** The first state of an article that has no Yjs state yet (seeded, imported, or from before co-editing). */
export function docFromWorkingCopy(copy: WorkingCopy, doc = new Y.Doc()): Y.Doc {
  doc.transact(() => {
    prosemirrorJSONToYXmlFragment(articleSchema, canonicalBody(copy.body), doc.getXmlFragment(BODY_FRAGMENT));
    writeFields(doc, copy);
  });
  return doc;
}

/**
 * The first Yjs state of an article that has none (built from its JSON working copy) and its
 * state vector, for initCollabState: the collaboration server opening the article and the editor
 * page starting from it build it alike, and whichever stores first is the one used.
 */
export function firstStateOf(copy: WorkingCopy): { state: Uint8Array; stateVector: Uint8Array } {
  const built = docFromWorkingCopy(copy);
  try {
    return { state: Y.encodeStateAsUpdate(built), stateVector: Y.encodeStateVector(built) };
  } finally {
    built.destroy();
  }
}

/**
 * Whether the JSON working copy may have been written beside the stored document since it was
 * stored (restore, import): its version is newer. A workflow step also moves the version without
 * touching the text, so `differsFromCopy` says whether it really differs.
 */
export function copyNewerThanState(source: { version: number; stateVersion: number | null }): boolean {
  return source.stateVersion !== null && source.version > source.stateVersion;
}

/**
 * Changes a list field (bylines, tags, related links) by the smallest splice, given as a function
 * of the list as it is in the document now: an item a colleague added after this browser last
 * drew the list stays, where a whole new list computed from the drawn one would replace it.
 */
export function changeList<T>(doc: Y.Doc, key: (typeof LIST_FIELDS)[number], change: (current: T[]) => readonly T[], origin?: unknown): void {
  doc.transact(() => {
    const map = doc.getMap<unknown>(FIELDS_MAP);
    let list = map.get(key);
    if (!(list instanceof Y.Array)) {
      list = new Y.Array<T>();
      map.set(key, list);
    }
    const array = list as Y.Array<T>;
    const current = array.toJSON() as T[];
    const splice = listSplice(current, change([...current]));
    if (!splice) return;
    if (splice.remove) array.delete(splice.index, splice.remove);
    // Plain copies: Yjs stores JSON, and related links keep exactly their contract keys.
    if (splice.insert.length) array.insert(splice.index, splice.insert.map((item) => (typeof item === "object" && item !== null ? { ...item } : item)));
  }, origin);
}

/** Whether the document says something else than the JSON working copy (a field or the body). */
export function differsFromCopy(doc: Y.Doc, copy: WorkingCopy): boolean {
  try {
    const current = workingCopyFromDoc(doc);
    const incoming: Record<string, unknown> = { ...copy, body: parseBody(copy.body).toJSON() };
    return Object.entries(current).some(([key, value]) => JSON.stringify(value) !== JSON.stringify(incoming[key]));
  } catch {
    return true;
  }
}

/**
 * Makes a live document hold `copy` as one forward change (restore, import, scripts): text
 * fields are edited by their differing middle only, so someone typing elsewhere keeps their
 * place; the body is replaced as a whole.
 */
export function replaceWorkingCopy(doc: Y.Doc, copy: WorkingCopy, origin?: unknown): void {
  doc.transact(() => {
    const body = doc.getXmlFragment(BODY_FRAGMENT);
    body.delete(0, body.length);
    prosemirrorJSONToYXmlFragment(articleSchema, canonicalBody(copy.body), body);
    writeFields(doc, copy);
  }, origin);
}

function writeFields(doc: Y.Doc, copy: CollabFields): void {
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  for (const key of TEXT_FIELDS) {
    const current = fields.get(key);
    if (current instanceof Y.Text) replaceText(current, copy[key]);
    else fields.set(key, new Y.Text(copy[key]));
  }
  for (const key of VALUE_FIELDS) {
    if (fields.get(key) !== copy[key]) fields.set(key, copy[key]);
  }
  for (const key of LIST_FIELDS) {
    const current = fields.get(key);
    const next = copy[key] as unknown[];
    if (current instanceof Y.Array && JSON.stringify(current.toJSON()) === JSON.stringify(next)) continue;
    const list = new Y.Array<unknown>();
    list.push(next.map((item) => (typeof item === "object" && item !== null ? { ...item } : item)));
    fields.set(key, list);
  }
}

/** Replaces only the part of `text` that differs from `next` (common prefix and suffix stay). */
export function replaceText(text: Y.Text, next: string): void {
  const prev = text.toString();
  if (prev === next) return;
  let start = 0;
  while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
  let end = 0;
  while (end < prev.length - start && end < next.length - start && prev[prev.length - 1 - end] === next[next.length - 1 - end]) end++;
  text.delete(start, prev.length - start - end);
  text.insert(start, next.slice(start, next.length - end));
}

/** Every field beside the body, with the contract's defaults for keys nobody has written yet. */
export function fieldsFromDoc(doc: Y.Doc): CollabFields {
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  const text = (key: TextField) => {
    const value = fields.get(key);
    return value instanceof Y.Text ? value.toString() : "";
  };
  const list = (key: (typeof LIST_FIELDS)[number]) => {
    const value = fields.get(key);
    return value instanceof Y.Array ? (value.toJSON() as never[]) : [];
  };
  const numberOrNull = (key: "sectionId" | "leadImageId") => {
    const value = fields.get(key);
    return typeof value === "number" ? value : null;
  };
  return {
    headline: text("headline"),
    standfirst: text("standfirst"),
    seoTitle: text("seoTitle"),
    seoDescription: text("seoDescription"),
    slug: text("slug"),
    leadCaption: text("leadCaption"),
    leadCredit: text("leadCredit"),
    leadAlt: text("leadAlt"),
    sectionId: numberOrNull("sectionId"),
    language: fields.get("language") === "en" ? "en" : "de",
    leadImageId: numberOrNull("leadImageId"),
    // Two people moving the same byline at once can leave it twice in the list (each moved a
    // copy); and two adding the same tag. The first of each counts.
    authorIds: [...new Set(list("authorIds") as number[])],
    tags: (list("tags") as string[]).filter((t, i, all) => all.findIndex((u) => u.trim().toLowerCase() === t.trim().toLowerCase()) === i),
    related: list("related"),
  };
}

/** The body as the Y fragment holds it, marks without empty attribute objects. */
export function rawBodyFromDoc(doc: Y.Doc): JSONContent {
  const raw = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(BODY_FRAGMENT)) as JSONContent;
  if (!raw.content?.length) return { type: "doc", content: [{ type: "paragraph" }] };
  return dropEmptyMarkAttrs(raw);
}

function dropEmptyMarkAttrs(node: JSONContent): JSONContent {
  const out: JSONContent = { ...node };
  if (node.marks) out.marks = node.marks.map((m) => (m.attrs && Object.keys(m.attrs).length === 0 ? { type: m.type } : m));
  if (node.content) out.content = node.content.map(dropEmptyMarkAttrs);
  return out;
}

/**
 * The body in the shared schema's canonical JSON, its structure repaired where concurrent edits
 * bent it (throws `Invalid` when the schema refuses it; check `findForeignContent` first).
 */
export function bodyFromDoc(doc: Y.Doc): JSONContent {
  return parseBody(repairBody(rawBodyFromDoc(doc)).toJSON()).toJSON() as JSONContent;
}

/** A document holding what no Copydesk editor writes (see `findForeignContent`). */
export class ForeignContent extends Error {
  constructor(readonly reason: string) {
    super(`foreign content: ${reason}`);
  }
}

/** The JSON working copy the rest of Copydesk reads. Throws `ForeignContent` for a crafted document. */
export function workingCopyFromDoc(doc: Y.Doc): WorkingCopy {
  const problem = findForeignContent(doc);
  if (problem) throw new ForeignContent(problem);
  return { ...fieldsFromDoc(doc), body: bodyFromDoc(doc) };
}

function canonicalBody(body: unknown): JSONContent {
  return (body ? parseBody(body) : articleSchema.nodeFromJSON(EMPTY_BODY)).toJSON() as JSONContent;
}

/**
 * Content no Copydesk editor can produce: a name the schema lacks, a value of the wrong type,
 * an attribute nobody declared, an unsafe link. Such a document comes from a crafted client
 * and is refused as a whole. Returns the reason, or null when the document is sound.
 *
 * Not checked here: the body's block structure (which concurrent edits may legitimately bend,
 * e.g. two people emptying the same list item) — see `repairBody`.
 */
export function findForeignContent(doc: Y.Doc): string | null {
  for (const name of doc.share.keys()) if (!KNOWN_ROOTS.has(name)) return `unknown root type "${name}"`;
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  for (const [key, value] of fields.entries()) {
    const problem = fieldProblem(key, value);
    if (problem) return problem;
  }
  return bodyProblem(rawBodyFromDoc(doc));
}

function fieldProblem(key: string, value: unknown): string | null {
  if (!KNOWN_FIELDS.has(key)) return `unknown field "${key}"`;
  const isId = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v) && v > 0 && v <= 2147483647;
  if ((TEXT_FIELDS as readonly string[]).includes(key)) return value instanceof Y.Text && !hasFormatting(value) ? null : `field "${key}" is not plain text`;
  if (key === "language") return value === "de" || value === "en" ? null : `language ${JSON.stringify(value)}`;
  if (key === "sectionId" || key === "leadImageId") return value === null || isId(value) ? null : `field "${key}" is not an id`;
  if (!(value instanceof Y.Array)) return `field "${key}" is not a list`;
  const items = value.toArray();
  const ok =
    key === "authorIds"
      ? items.every(isId)
      : key === "tags"
        ? items.every((t) => typeof t === "string")
        : items.every((l) => isRelatedItem(l, isId));
  return ok ? null : `field "${key}" holds a wrong item`;
}

function hasFormatting(text: Y.Text): boolean {
  return text.toDelta().some((op: { insert: unknown; attributes?: object }) => typeof op.insert !== "string" || op.attributes);
}

function isRelatedItem(item: unknown, isId: (v: unknown) => boolean): boolean {
  if (!item || typeof item !== "object" || Array.isArray(item)) return false;
  const keys = Object.keys(item).sort().join(",");
  const { title, articleId, url } = item as Record<string, unknown>;
  if (typeof title !== "string") return false;
  return (keys === "articleId,title" && isId(articleId)) || (keys === "title,url" && typeof url === "string");
}

function bodyProblem(body: JSONContent): string | null {
  const stack: JSONContent[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    const type = node.type ? articleSchema.nodes[node.type] : undefined;
    if (!type) return `unknown node "${node.type}"`;
    for (const key of Object.keys(node.attrs ?? {})) if (!(key in type.spec.attrs!)) return `unknown attribute "${key}" on ${node.type}`;
    if (node.type === "text" && typeof node.text !== "string") return "text node without text";
    for (const mark of node.marks ?? []) {
      const markType = articleSchema.marks[mark.type];
      if (!markType) return `unknown mark "${mark.type}"`;
      for (const key of Object.keys(mark.attrs ?? {})) if (!(key in (markType.spec.attrs ?? {}))) return `unknown attribute "${key}" on ${mark.type}`;
    }
    stack.push(...(node.content ?? []));
  }
  // Attribute values, links, figure sources and nesting depth: the same check every save gets.
  try {
    parseBody(repairBody(body).toJSON());
  } catch (error) {
    const problem = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors?.body?.[0];
    return `body refused: ${problem ?? "unreadable"}`;
  }
  return null;
}

/**
 * The body as a valid document even when concurrent edits bent its structure (a list item left
 * without its paragraph, a block where only inline content fits): each node keeps the children
 * its content expression accepts, in order, and gets the required ones it lacks. Names and
 * attributes are not repaired — `findForeignContent` refuses those.
 */
export function repairBody(body: JSONContent): PMNode {
  const build = (json: JSONContent): PMNode[] => {
    const type = articleSchema.nodes[json.type ?? ""];
    if (!type) return [];
    const marks = (json.marks ?? []).flatMap((m) => (articleSchema.marks[m.type] ? [articleSchema.mark(m.type, m.attrs)] : []));
    if (type.isText) return json.text ? [articleSchema.text(json.text, marks)] : [];
    const children = (json.content ?? []).flatMap(build);
    const whole = type.createAndFill(json.attrs, children, marks);
    if (whole) return [whole];
    // Keep the children that fit, in order; lift the content of those that don't.
    const kept: PMNode[] = [];
    let match = type.contentMatch;
    for (const child of children) {
      const next = match.matchType(child.type);
      if (next) {
        kept.push(child);
        match = next;
      } else if (child.isTextblock || !child.isLeaf) {
        child.content.forEach((inner) => {
          const innerNext = match.matchType(inner.type);
          if (innerNext) {
            kept.push(inner);
            match = innerNext;
          }
        });
      }
    }
    const fixed = type.createAndFill(json.attrs, kept, marks);
    return fixed ? [fixed] : [];
  };
  return build(body)[0] ?? articleSchema.nodeFromJSON(EMPTY_BODY);
}

/** Base64 of a Yjs state vector, as the `saved` message carries it (browser and Node). */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/**
 * Whether everything `clientID` wrote into `localVector` is inside `savedVector` — what the
 * browser asks of a `saved` message before it says *Saved* (both are Yjs state vectors).
 */
export function savedCovers(savedVector: Uint8Array, localVector: Uint8Array, clientID: number): boolean {
  const local = Y.decodeStateVector(localVector).get(clientID) ?? 0;
  return (Y.decodeStateVector(savedVector).get(clientID) ?? 0) >= local;
}
