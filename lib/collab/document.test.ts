import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseBody } from "../content/body";
import { addTag, moveWhere } from "../editor/article";
import {
  BODY_FRAGMENT,
  changeList,
  docFromWorkingCopy,
  FIELDS_MAP,
  findForeignContent,
  ForeignContent,
  fromBase64,
  replaceWorkingCopy,
  savedCovers,
  toBase64,
  workingCopyFromDoc,
  type WorkingCopy,
} from "./document";

const text = (t: string, marks?: JSONContent["marks"]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]) => ({ type: "paragraph", content });

const body: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Größere Straßen für Köln")] },
    p(text("„Wir bleiben“, sagt sie – "), text("fett", [{ type: "bold" }]), text(" und "), text("schräg", [{ type: "italic" }, { type: "bold" }])),
    p(text("Ein Link", [{ type: "link", attrs: { href: "https://example.org/ä?b=1" } }])),
    { type: "bulletList", content: [{ type: "listItem", content: [p(text("Punkt eins"))] }, { type: "listItem", content: [p(text("Punkt zwei"))] }] },
    { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("Drittens"))] }] },
    { type: "blockquote", content: [p(text("Zitat"))] },
    { type: "pullQuote", content: [p(text("Großes Zitat"))] },
  ],
};

const copy: WorkingCopy = {
  headline: "Über Brücken: „Maß“ halten",
  standfirst: "Die Stadt plant – weiß man.",
  seoTitle: "",
  seoDescription: "Beschreibung",
  slug: "",
  leadCaption: "Bildunterschrift",
  leadCredit: "Foto: Jürgen",
  leadAlt: "Eine Brücke",
  sectionId: 3,
  language: "de",
  leadImageId: 7,
  authorIds: [2, 5],
  tags: ["Köln", "Verkehr"],
  related: [{ articleId: 4, title: "Vorher" }, { url: "https://example.org/x", title: "Quelle" }],
  body,
};

/** Syncs b into a fresh doc as a client would: the update of everything. */
function viaUpdate(doc: Y.Doc): Y.Doc {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
  return other;
}

describe("docFromWorkingCopy / workingCopyFromDoc", () => {
  it("round-trips every field and the body, equal to the shared schema's JSON", () => {
    const back = workingCopyFromDoc(viaUpdate(docFromWorkingCopy(copy)));
    expect(back).toEqual({ ...copy, body: parseBody(body).toJSON() });
  });

  it("keeps German text whole in the body and the text fields", () => {
    const back = workingCopyFromDoc(docFromWorkingCopy(copy));
    expect(JSON.stringify(back.body)).toContain("„Wir bleiben“, sagt sie – ");
    expect(JSON.stringify(back.body)).toContain("Größere Straßen für Köln");
    expect(back.headline).toBe("Über Brücken: „Maß“ halten");
  });

  it("reads an empty document as an empty draft", () => {
    const back = workingCopyFromDoc(new Y.Doc());
    expect(back).toMatchObject({ headline: "", sectionId: null, language: "de", leadImageId: null, authorIds: [], tags: [], related: [] });
    expect(back.body).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("merges two people typing into the same headline", () => {
    const a = docFromWorkingCopy({ ...copy, headline: "Brücke" });
    const b = viaUpdate(a);
    (a.getMap(FIELDS_MAP).get("headline") as Y.Text).insert(0, "Neue ");
    (b.getMap(FIELDS_MAP).get("headline") as Y.Text).insert(6, " gesperrt");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(workingCopyFromDoc(a).headline).toBe("Neue Brücke gesperrt");
    expect(workingCopyFromDoc(b)).toEqual(workingCopyFromDoc(a));
  });
});

describe("changeList", () => {
  it("adds, moves and removes on the list as it is now, keeping a colleague's item this browser had not drawn yet", () => {
    const here = docFromWorkingCopy({ ...copy, tags: ["Hafen"] });
    const there = viaUpdate(here);
    const drawn = workingCopyFromDoc(here).tags; // what this browser shows: ["Hafen"]
    changeList<string>(there, "tags", (tags) => [...tags, "Verkehr"]);
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there)); // arrives before the list is drawn again
    changeList<string>(here, "tags", (tags) => addTag(tags, "Umbau"));
    expect(workingCopyFromDoc(here).tags).toEqual(["Hafen", "Verkehr", "Umbau"]);
    // The old way, a whole list computed from the drawn one, would have taken "Verkehr" out.
    expect(addTag(drawn, "Umbau")).toEqual(["Hafen", "Umbau"]);
    changeList<string>(here, "tags", (tags) => moveWhere(tags, (t) => t === "Umbau", -1));
    changeList<string>(here, "tags", (tags) => tags.filter((t) => t !== "Hafen"));
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    expect(workingCopyFromDoc(there).tags).toEqual(["Umbau", "Verkehr"]);
  });
});

describe("replaceWorkingCopy", () => {
  it("applies a restored copy as a forward change that a connected copy receives", () => {
    const server = docFromWorkingCopy(copy);
    const editor = viaUpdate(server);
    const restored = { ...copy, headline: "Alte Fassung", tags: ["Köln"], body: { type: "doc", content: [p(text("Früher"))] } };
    const before = Y.encodeStateVector(editor);
    replaceWorkingCopy(server, restored);
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(server, before));
    expect(workingCopyFromDoc(editor)).toEqual({ ...restored, body: parseBody(restored.body).toJSON() });
  });

  it("edits only the differing middle of a text field, so concurrent typing elsewhere survives", () => {
    const server = docFromWorkingCopy({ ...copy, headline: "Die Brücke bleibt" });
    const editor = viaUpdate(server);
    (editor.getMap(FIELDS_MAP).get("headline") as Y.Text).insert(17, "!");
    replaceWorkingCopy(server, { ...copy, headline: "Die Straße bleibt" });
    Y.applyUpdate(server, Y.encodeStateAsUpdate(editor));
    expect(workingCopyFromDoc(server).headline).toBe("Die Straße bleibt!");
  });
});

describe("findForeignContent", () => {
  const sound = () => docFromWorkingCopy(copy);

  it("accepts what the editor writes", () => {
    expect(findForeignContent(sound())).toBeNull();
  });

  it.each([
    ["an unknown node", (d: Y.Doc) => d.getXmlFragment(BODY_FRAGMENT).insert(0, [new Y.XmlElement("iframe")]), /unknown node "iframe"/],
    [
      "an unknown mark",
      (d: Y.Doc) => {
        const t = new Y.XmlText();
        const para = new Y.XmlElement("paragraph");
        para.insert(0, [t]);
        d.getXmlFragment(BODY_FRAGMENT).insert(0, [para]);
        t.insert(0, "x", { script: {} });
      },
      /unknown mark "script"/,
    ],
    [
      "an undeclared attribute",
      (d: Y.Doc) => (d.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)"),
      /unknown attribute "onclick"/,
    ],
    [
      "an unsafe link",
      (d: Y.Doc) => {
        const para = d.getXmlFragment(BODY_FRAGMENT).get(1) as Y.XmlElement;
        (para.get(0) as Y.XmlText).format(0, 3, { link: { href: "javascript:alert(1)" } });
      },
      /bodyLinkProtocol/,
    ],
    ["an unknown field", (d: Y.Doc) => d.getMap(FIELDS_MAP).set("isAdmin", true), /unknown field/],
    ["a headline that is not text", (d: Y.Doc) => d.getMap(FIELDS_MAP).set("headline", 42), /not plain text/],
    ["a section that is not an id", (d: Y.Doc) => d.getMap(FIELDS_MAP).set("sectionId", "1; drop"), /not an id/],
    ["a byline that is not an id", (d: Y.Doc) => (d.getMap(FIELDS_MAP).get("authorIds") as Y.Array<unknown>).push(["x"]), /wrong item/],
    ["another root type", (d: Y.Doc) => d.getMap("secret").set("a", 1), /unknown root/],
  ])("refuses %s", (_name, mutate, reason) => {
    const doc = sound();
    mutate(doc);
    const received = viaUpdate(doc);
    expect(findForeignContent(received)).toMatch(reason);
    expect(() => workingCopyFromDoc(received)).toThrow(ForeignContent);
  });

  it("repairs structure that concurrent edits bend instead of refusing it", () => {
    const doc = sound();
    // A list item whose paragraph someone else deleted at the same time.
    const list = doc.getXmlFragment(BODY_FRAGMENT).get(3) as Y.XmlElement;
    (list.get(0) as Y.XmlElement).delete(0, 1);
    expect(findForeignContent(doc)).toBeNull();
    const back = workingCopyFromDoc(doc);
    expect(() => parseBody(back.body)).not.toThrow();
    expect(JSON.stringify(back.body)).toContain("Punkt zwei");
  });
});

describe("saved state vectors", () => {
  it("tell a client whether all its own changes are stored", () => {
    const doc = docFromWorkingCopy(copy);
    const saved = toBase64(Y.encodeStateVector(doc));
    (doc.getMap(FIELDS_MAP).get("headline") as Y.Text).insert(0, "x");
    expect(savedCovers(fromBase64(saved), Y.encodeStateVector(doc), doc.clientID)).toBe(false);
    expect(savedCovers(Y.encodeStateVector(doc), Y.encodeStateVector(doc), doc.clientID)).toBe(true);
  });
});
