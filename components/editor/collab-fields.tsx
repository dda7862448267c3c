"use client";
// The article's fields (everything beside the body) bound to the shared document's `fields` map:
// text fields are Y.Text (concurrent typing merges, the caret stays on its characters), lists are
// Y.Array (two people adding tags both keep theirs), single values are last-writer-wins.
import { useEffect, useRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from "react";
import * as Y from "yjs";
import { changeList, FIELDS_MAP, fieldsFromDoc, replaceText, type CollabFields, type TextField } from "@/lib/collab/document";
import { mapSelection, type TextDeltaOp } from "@/lib/editor/collab-edits";

/** Marks changes made through a field, for the undo manager and the save status (any local origin works). */
export const FIELD_ORIGIN = "copydesk-field";

const fieldsOf = (doc: Y.Doc) => doc.getMap<unknown>(FIELDS_MAP);

/** All fields as plain values; re-renders when anyone changes any of them. */
export function useCollabFields(doc: Y.Doc): CollabFields {
  const [fields, setFields] = useState(() => fieldsFromDoc(doc));
  useEffect(() => {
    const map = fieldsOf(doc);
    const update = () => setFields(fieldsFromDoc(doc));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [doc]);
  return fields;
}

/** Sets a single value (section, language, lead image). */
export function setField(doc: Y.Doc, key: "sectionId" | "language" | "leadImageId", value: number | string | null) {
  doc.transact(() => {
    if (fieldsOf(doc).get(key) !== value) fieldsOf(doc).set(key, value);
  }, FIELD_ORIGIN);
}

/** Changes a list as it is now (lib/collab/document.ts changeList): add this, remove that, move that one. */
export function setList<T>(doc: Y.Doc, key: "authorIds" | "tags" | "related", change: (current: T[]) => readonly T[]) {
  changeList(doc, key, change, FIELD_ORIGIN);
}

/** Replaces a text field's content by its differing middle (typing, paste, a picked image's credit). */
export function setText(doc: Y.Doc, key: TextField, next: string) {
  doc.transact(() => {
    const map = fieldsOf(doc);
    let text = map.get(key);
    if (!(text instanceof Y.Text)) {
      // Only when someone types into a field nobody has written (the server creates every key).
      text = new Y.Text();
      map.set(key, text);
    }
    replaceText(text as Y.Text, next);
  }, FIELD_ORIGIN);
}

type TextProps<E> = { doc: Y.Doc; field: TextField; readOnly?: boolean } & Omit<E, "value" | "onChange" | "defaultValue">;

/** A text input bound to a Y.Text field. */
export function CollabInput(props: TextProps<InputHTMLAttributes<HTMLInputElement>>) {
  const { doc, field, ...rest } = props;
  const { value, ref, onChange } = useBoundText<HTMLInputElement>(doc, field);
  return <input {...rest} ref={ref} value={value} onChange={onChange} />;
}

/** A textarea bound to a Y.Text field. */
export function CollabTextarea(props: TextProps<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  const { doc, field, ...rest } = props;
  const { value, ref, onChange } = useBoundText<HTMLTextAreaElement>(doc, field);
  return <textarea {...rest} ref={ref} value={value} onChange={onChange} />;
}

function useBoundText<E extends HTMLInputElement | HTMLTextAreaElement>(doc: Y.Doc, field: TextField) {
  const ref = useRef<E>(null);
  const [value, setValue] = useState(() => textOf(doc, field));

  useEffect(() => {
    const map = fieldsOf(doc);
    let bound: Y.Text | null = null;
    const onText = (event: Y.YTextEvent, tr: Y.Transaction) => {
      const el = ref.current;
      const next = event.target.toString();
      // Someone else's change goes into the element at once, not on React's next render: a
      // keystroke in between would otherwise be diffed against the stale value (setText) and
      // delete what the other person had just typed. The caret stays on its characters.
      if (!tr.local && el && el.value !== next) {
        const focused = document.activeElement === el && el.selectionStart !== null && el.selectionEnd !== null;
        const selection = focused ? mapSelection(event.delta as TextDeltaOp[], el.selectionStart!, el.selectionEnd!) : null;
        el.value = next;
        if (selection) el.setSelectionRange(selection[0], selection[1]);
      }
      setValue(next);
    };
    const bind = () => {
      const current = map.get(field);
      const next = current instanceof Y.Text ? current : null;
      if (next === bound) return;
      bound?.unobserve(onText);
      bound = next;
      bound?.observe(onText);
      setValue(bound?.toString() ?? "");
    };
    const onMap = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(field)) bind();
    };
    bind();
    map.observe(onMap);
    return () => {
      map.unobserve(onMap);
      bound?.unobserve(onText);
    };
  }, [doc, field]);

  const onChange = (e: React.ChangeEvent<E>) => {
    setValue(e.target.value);
    setText(doc, field, e.target.value);
  };
  return { value, ref, onChange };
}

function textOf(doc: Y.Doc, field: TextField) {
  const t = fieldsOf(doc).get(field);
  return t instanceof Y.Text ? t.toString() : "";
}
