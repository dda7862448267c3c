// Convergence fuzz test: five simulated editors (HocuspocusProvider in Node, real WebSockets to
// the real co-editing server and database) make seeded random edits — typing and deleting,
// bold/italic, splitting and joining paragraphs, lists, headings, headline, tags and byline
// order — with random pauses and dropped connections. Afterwards every client, a fresh client
// and the database's working copy must hold the same content, and it must pass the schema.
//
// Repeatable: COLLAB_FUZZ_SEED picks the run (default 1), COLLAB_FUZZ_EDITS how many edits (all
// five editors together). Default: the full 2,000 on PostgreSQL, where `npm test` runs `vitest run
// db` a second time and the run takes seconds; 300 on the embedded database, which runs on this
// very process's event loop beside the server and the five clients (every store of the growing
// document, every check of the test, queues behind the others there), so the same 2,000 took
// minutes on a busy CI machine while adding no case the PostgreSQL pass does not already cover.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { parseBody } from "@/lib/content/body";
import { BODY_FRAGMENT, FIELDS_MAP, workingCopyFromDoc } from "@/lib/collab/document";
import { connectAgain } from "@/lib/collab/reconnect";
import { closeDb, getDb } from "../client";
import { articles } from "../schema";
import { doc as bodyOf, newsroom } from "../testing";
import { setSecondFactorRoles } from "../settings/second-factor-roles";
import { connectClient, sessionCookie, startTestCollabServer, until, withTemporaryDatabase, type TestClient } from "../testing/collab";
import { getCollabSource } from "./collab-queries";
import { createArticle } from "./create";
import { seededPicker } from "@/lib/random";

withTemporaryDatabase();

const SEED = Number(process.env.COLLAB_FUZZ_SEED || 1);
const EDITS = Number(process.env.COLLAB_FUZZ_EDITS || (process.env.DATABASE_URL?.trim() ? 2000 : 300));


const WORDS = ["Straße", "„Zitat“", "Größe", "Fähre", "über", "ß", "Köln", "und", "die", " ", " ", "."];

type Rand = ReturnType<typeof seededPicker>;

/** The text blocks (paragraphs, headings, list paragraphs) of a document, with their parents. */
function textBlocks(doc: Y.Doc): { el: Y.XmlElement; text: Y.XmlText | null }[] {
  const out: { el: Y.XmlElement; text: Y.XmlText | null }[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === "paragraph" || child.nodeName === "heading") {
        const first = child.get(0);
        out.push({ el: child, text: first instanceof Y.XmlText ? first : null });
      } else walk(child);
    }
  };
  walk(doc.getXmlFragment(BODY_FRAGMENT));
  return out;
}

function block(name: "paragraph" | "heading", text: string): Y.XmlElement {
  const el = new Y.XmlElement(name);
  if (name === "heading") el.setAttribute("level", 2 as unknown as string);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

/** One edit as TipTap's binding would write it to the document. */
function edit(doc: Y.Doc, r: Rand): void {
  const fields = doc.getMap<unknown>(FIELDS_MAP);
  const blocks = textBlocks(doc).filter((b) => b.text && b.el.parent);
  const b = blocks.length ? r.pick(blocks) : null;
  const text = b?.text ?? null;
  const kind = r.int(100);
  doc.transact(() => {
    if (!b || !text) {
      doc.getXmlFragment(BODY_FRAGMENT).push([block("paragraph", r.pick(WORDS))]);
    } else if (kind < 40) {
      text.insert(r.int(text.length + 1), r.pick(WORDS));
    } else if (kind < 55) {
      const at = r.int(text.length + 1);
      text.delete(at, Math.min(r.int(4) + 1, text.length - at));
    } else if (kind < 62) {
      if (text.length > 1) {
        const at = r.int(text.length - 1);
        text.format(at, r.int(text.length - at) + 1, { [r.pick(["bold", "italic"])]: {} });
      }
    } else if (kind < 68) {
      // Split: the tail of the block becomes a new paragraph after it.
      const at = r.int(text.length + 1);
      const tail = text.toString().slice(at);
      text.delete(at, text.length - at);
      const parent = b.el.parent as Y.XmlElement | Y.XmlFragment;
      const index = parent.toArray().indexOf(b.el);
      if (index >= 0) parent.insert(index + 1, [block("paragraph", tail)]);
    } else if (kind < 73) {
      // Join: the next block's text moves to the end of this one.
      const parent = b.el.parent as Y.XmlElement | Y.XmlFragment;
      const index = parent.toArray().indexOf(b.el);
      const next = parent.get(index + 1);
      if (index >= 0 && next instanceof Y.XmlElement && (next.nodeName === "paragraph" || next.nodeName === "heading")) {
        const nextText = next.get(0);
        if (nextText instanceof Y.XmlText) text.insert(text.length, nextText.toString());
        parent.delete(index + 1, 1);
      }
    } else if (kind < 77) {
      // Into a bullet list (or, inside a list, out of it — any block becomes a list item here).
      const parent = b.el.parent as Y.XmlElement | Y.XmlFragment;
      const index = parent.toArray().indexOf(b.el);
      if (index >= 0 && parent instanceof Y.XmlFragment) {
        const list = new Y.XmlElement("bulletList");
        const item = new Y.XmlElement("listItem");
        item.insert(0, [block("paragraph", text.toString())]);
        list.insert(0, [item]);
        parent.delete(index, 1);
        parent.insert(index, [list]);
      }
    } else if (kind < 81) {
      // Paragraph ⇄ heading (the binding replaces the element).
      const parent = b.el.parent as Y.XmlElement | Y.XmlFragment;
      const index = parent.toArray().indexOf(b.el);
      if (index >= 0 && parent instanceof Y.XmlFragment) {
        parent.delete(index, 1);
        parent.insert(index, [block(b.el.nodeName === "heading" ? "paragraph" : "heading", text.toString())]);
      }
    } else if (kind < 88) {
      const headline = fields.get("headline") as Y.Text;
      if (r.int(3) === 0 && headline.length > 3) headline.delete(r.int(headline.length - 1), 1);
      else headline.insert(r.int(headline.length + 1), r.pick(WORDS));
    } else if (kind < 95) {
      const tags = fields.get("tags") as Y.Array<string>;
      if (tags.length > 4 || (tags.length && r.int(2) === 0)) tags.delete(r.int(tags.length), 1);
      else tags.push([r.pick(["Köln", "Verkehr", "Brücke", "Straßenbau", "Fähre"])]);
    } else {
      // Byline order: the last author moves to the front.
      const authors = fields.get("authorIds") as Y.Array<number>;
      if (authors.length > 1) {
        const last = authors.get(authors.length - 1);
        authors.delete(authors.length - 1, 1);
        authors.insert(0, [last]);
      }
    }
  });
}

let server: Awaited<ReturnType<typeof startTestCollabServer>>;
const clients: TestClient[] = [];

// Generous limits: on a busy shared machine the embedded database alone can take a minute to
// start. The test never asserts speed.
beforeAll(async () => {
  server = await startTestCollabServer({ debounce: 300, maxDebounce: 1500 });
}, 600_000);

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await closeDb();
});

describe(`co-editing convergence (seed ${SEED}, ${EDITS} edits)`, () => {
  it("leaves every client, a fresh client and the database with the same valid content", async () => {
    const n = await newsroom(await getDb());
    await setSecondFactorRoles({ ctx: { viewer: n.admin }, input: { roles: [] } }); // nobody here has a second factor
    const a = await createArticle({
      ctx: { viewer: n.journalist },
      input: {
        headline: "Fähre fährt",
        standfirst: "",
        sectionId: n.sections.politik.id,
        language: "de",
        authorIds: [n.journalist.id, n.otherJournalist.id],
        body: bodyOf("Erster Absatz.", "Zweiter Absatz."),
      },
    });
    const people = [n.journalist, n.otherJournalist, n.editor, n.admin, n.editor];
    for (const person of people) clients.push(connectClient(server.url, a.id, await sessionCookie(person)));
    await until("all synced", () => clients.every((c) => c.provider.isSynced));

    const r = seededPicker(SEED);
    const offline = new Set<TestClient>();
    for (let i = 0; i < EDITS; i++) {
      const c = r.pick(clients);
      edit(c.doc, r);
      // Now and then someone drops off (and types on, offline) or comes back.
      if (r.int(150) === 0) {
        const who = r.pick(clients);
        if (offline.has(who)) {
          offline.delete(who);
          connectAgain(who.provider.configuration.websocketProvider); // (as the editor does on "online")
        } else {
          offline.add(who);
          who.provider.disconnect();
        }
      }
      if (r.int(20) === 0) await new Promise((resolve) => setTimeout(resolve, r.int(30)));
    }
    for (const c of offline) connectAgain(c.provider.configuration.websocketProvider);

    const content = (c: TestClient) => JSON.stringify(workingCopyFromDoc(c.doc));
    await until("all clients converged", () => clients.every((c) => c.provider.isSynced && content(c) === content(clients[0])), 120_000);
    const final = workingCopyFromDoc(clients[0].doc);
    expect(() => parseBody(final.body)).not.toThrow();

    const fresh = connectClient(server.url, a.id, await sessionCookie(n.admin));
    clients.push(fresh);
    await until("fresh client synced", () => fresh.provider.isSynced);
    expect(content(fresh)).toBe(content(clients[0]));

    // The database: the stored Yjs state and the JSON working copy both hold the converged text.
    const stateVector = Y.encodeStateVector(clients[0].doc);
    await until(
      "stored",
      async () => {
        const source = await getCollabSource(a.id);
        if (!source?.state) return false;
        const storedDoc = new Y.Doc();
        Y.applyUpdate(storedDoc, source.state);
        return Buffer.from(Y.encodeStateVector(storedDoc)).equals(Buffer.from(stateVector));
      },
      60_000,
    );
    const [row] = await (await getDb()).select().from(articles).where(eq(articles.id, a.id));
    expect(row.body).toEqual(final.body);
    expect(row.headline).toBe(final.headline.trim());
    const source = await getCollabSource(a.id);
    expect(source?.copy.tags).toEqual(final.tags);
    expect(source?.copy.authorIds).toEqual(final.authorIds);
  }, 900_000);
});
