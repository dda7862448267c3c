// The co-editing server with raw clients: real WebSockets, a real Auth.js session cookie, the
// production wiring and verbs, the database (an embedded one in a temporary folder, or
// PostgreSQL when DATABASE_URL is set). No browser: these are the guarantees the server gives
// whatever a client sends.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FRAGMENT, FIELDS_MAP, bodyFromDoc, fieldsFromDoc, fromBase64, savedCovers } from "@/lib/collab/document";
import { connectAgain, reconnect } from "@/lib/collab/reconnect";
import { closeDb, getDb } from "../client";
import { articleCollabStates, articleRevisions, articles, users } from "../schema";
import { newsroom, doc as bodyOf } from "../testing";
import { connectClient, cookieFor, sessionCookie, signedInSession, startTestCollabServer, until, withTemporaryDatabase, type TestClient } from "../testing/collab";
import { endSession } from "../sessions/end";
import { setSecondFactorRoles } from "../settings/second-factor-roles";
import { createLiveEntry } from "../live/create-entry";
import { publishLiveEntry } from "../live/publish-entry";
import { setLiveBlog } from "../live/set-live";
import { collabStateForEditor } from "./collab-seed";
import { createArticle } from "./create";
import { requestChanges } from "./request-changes";
import { restoreRevision } from "./restore";
import { submitArticle } from "./submit";
import { listArticlesBeingEdited } from "./presence-queries";

withTemporaryDatabase();

let server: Awaited<ReturnType<typeof startTestCollabServer>>;
let n: Awaited<ReturnType<typeof newsroom>>;
const clients: TestClient[] = [];

beforeAll(async () => {
  n = await newsroom(await getDb());
  // These people have no second factor; the one test of the requirement turns it on for itself.
  await setSecondFactorRoles({ ctx: { viewer: n.admin }, input: { roles: [] } });
  server = await startTestCollabServer();
}, 600_000); // the embedded database's first start can take a minute on a busy machine

afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
  await closeDb();
});

async function client(viewer: Parameters<typeof sessionCookie>[0] | null, articleId: number) {
  const c = connectClient(server.url, articleId, viewer ? await sessionCookie(viewer) : null);
  clients.push(c);
  return c;
}

async function newArticle(headline = "Brücke gesperrt") {
  const ctx = { viewer: n.journalist };
  return createArticle({ ctx, input: { headline, standfirst: "", sectionId: n.sections.politik.id, language: "de", body: bodyOf("Erster Absatz.") } });
}

async function stored(id: number) {
  const [row] = await (await getDb()).select().from(articles).where(eq(articles.id, id));
  return row;
}

const headline = (c: TestClient) => c.doc.getMap(FIELDS_MAP).get("headline") as Y.Text;
const firstText = (c: TestClient) => ((c.doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText);

describe("co-editing server with raw clients", () => {
  it("stores a read-write client's edits in the working copy and says so with the stored state vector", async () => {
    const a = await newArticle();
    const c = await client(n.journalist, a.id);
    await until("synced", () => c.provider.isSynced);
    expect(c.scopes).toEqual(["read-write"]);
    expect(fieldsFromDoc(c.doc).headline).toBe("Brücke gesperrt");
    headline(c).insert(headline(c).length, " – „Maß“ halten");
    firstText(c).insert(0, "Größer: ");
    await until("saved covering the edits", () =>
      c.stateless.some((m) => m.type === "saved" && savedCovers(fromBase64(m.stateVector as string), Y.encodeStateVector(c.doc), c.doc.clientID)),
    );
    const row = await stored(a.id);
    expect(row.headline).toBe("Brücke gesperrt – „Maß“ halten");
    expect(JSON.stringify(row.body)).toContain("Größer: Erster Absatz.");
    expect(row.version).toBeGreaterThan(a.version);
    expect(row.updatedById).toBe(n.journalist.id);
  });

  it("refuses an anonymous caller and drops its updates", async () => {
    const a = await newArticle("Unverändert");
    const c = await client(null, a.id);
    await until("refused", () => c.failures.length > 0);
    expect(c.failures).toEqual(["signed-out"]);
    headline(c); // (an empty doc: make a change anyway and push it)
    c.doc.getMap(FIELDS_MAP).set("headline", new Y.Text("Gehackt"));
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await stored(a.id)).headline).toBe("Unverändert");
    const viewer = await client(n.editor, a.id);
    await until("synced", () => viewer.provider.isSynced);
    expect(fieldsFromDoc(viewer.doc).headline).toBe("Unverändert");
  });

  it("turns away someone whose role requires a second factor they have not enrolled, as the desk does", async () => {
    const a = await newArticle("Nur mit zweitem Faktor");
    await setSecondFactorRoles({ ctx: { viewer: n.admin }, input: { roles: ["editor"] } });
    try {
      const c = await client(n.editor, a.id);
      await until("refused", () => c.failures.length > 0);
      expect(c.failures).toEqual(["second-factor-required"]);
      expect(fieldsFromDoc(c.doc).headline).toBe(""); // nothing of the article reached it
      const journalist = await client(n.journalist, a.id); // a role without the requirement
      await until("synced", () => journalist.provider.isSynced);
      expect(journalist.scopes).toEqual(["read-write"]);
      // Required of journalists too while one is writing: the open connection is let go at once.
      await setSecondFactorRoles({ ctx: { viewer: n.admin }, input: { roles: ["editor", "journalist"] } });
      await until("closed and refused on reconnect", () => journalist.failures.includes("second-factor-required"), 10_000);
      headline(journalist).insert(0, "Nach der Pflicht: ");
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect((await stored(a.id)).headline).toBe("Nur mit zweitem Faktor");
    } finally {
      await setSecondFactorRoles({ ctx: { viewer: n.admin }, input: { roles: [] } });
    }
  });

  it("decides open connections again when the byline changes: added, a journalist writes at once; taken off, no longer", async () => {
    const a = await newArticle("Neue Zeile");
    const author = await client(n.journalist, a.id);
    const other = await client(n.otherJournalist, a.id);
    await until("both synced", () => author.provider.isSynced && other.provider.isSynced);
    expect(other.scopes).toEqual(["readonly"]);
    const bylines = author.doc.getMap(FIELDS_MAP).get("authorIds") as Y.Array<number>;
    bylines.push([n.otherJournalist.id]);
    await until("read-write once the byline is stored", () => other.scopes.at(-1) === "read-write" && other.provider.isSynced);
    headline(other).insert(headline(other).length, " – mitgeschrieben");
    await until("their words stored", async () => (await stored(a.id)).headline === "Neue Zeile – mitgeschrieben");
    bylines.delete(bylines.toArray().indexOf(n.otherJournalist.id), 1);
    await until("read-only again once that is stored", () => other.scopes.at(-1) === "readonly");
  });

  it("gives a journalist only a read-only connection to a colleague's article in review, and ignores its edits", async () => {
    const a = await newArticle("Im Review");
    await submitArticle({ ctx: { viewer: n.journalist }, input: { id: a.id, version: a.version } });
    const other = await client(n.otherJournalist, a.id);
    await until("synced", () => other.provider.isSynced);
    expect(other.scopes).toEqual(["readonly"]);
    headline(other).insert(0, "Gehackt: ");
    firstText(other).delete(0, 5);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const row = await stored(a.id);
    expect(row.headline).toBe("Im Review");
    const fresh = await client(n.editor, a.id);
    await until("synced", () => fresh.provider.isSynced);
    expect(fieldsFromDoc(fresh.doc).headline).toBe("Im Review");
    expect(JSON.stringify(fresh.doc.getXmlFragment(BODY_FRAGMENT).toJSON())).toContain("Erster Absatz.");
  });

  it("drops a crafted update, disconnects its client, and keeps everyone else's edits", async () => {
    const a = await newArticle("Sauber");
    const honest = await client(n.editor, a.id);
    const crafty = await client(n.journalist, a.id);
    await until("both synced", () => honest.provider.isSynced && crafty.provider.isSynced);
    const frame = new Y.XmlElement("iframe");
    frame.setAttribute("src", "https://evil.example");
    crafty.doc.getXmlFragment(BODY_FRAGMENT).insert(0, [frame]);
    await until("crafty client closed", () => crafty.closes.includes("invalid-update"));
    headline(honest).insert(headline(honest).length, " bleibt sauber");
    await until("honest edit stored", async () => (await stored(a.id)).headline === "Sauber bleibt sauber");
    const row = await stored(a.id);
    expect(JSON.stringify(row.body)).not.toContain("iframe");
    expect(JSON.stringify(honest.doc.getXmlFragment(BODY_FRAGMENT).toJSON())).not.toContain("iframe");
    const fresh = await client(n.admin, a.id);
    await until("synced", () => fresh.provider.isSynced);
    expect(JSON.stringify(fresh.doc.getXmlFragment(BODY_FRAGMENT).toJSON())).not.toContain("iframe");
    expect(fieldsFromDoc(fresh.doc).headline).toBe("Sauber bleibt sauber");
  });

  it("turns the author's connection read-only within a second of submit, and writable again after request changes", async () => {
    const a = await newArticle("Live");
    const author = await client(n.journalist, a.id);
    await until("synced", () => author.provider.isSynced);
    expect(author.scopes.at(-1)).toBe("read-write");
    const s = await submitArticle({ ctx: { viewer: n.journalist }, input: { id: a.id, version: (await stored(a.id)).version } });
    const submittedAt = Date.now();
    await until("read-only after submit", () => author.scopes.at(-1) === "readonly", 5000);
    expect(Date.now() - submittedAt).toBeLessThan(5000); // (a figure for the bench, not asserted tighter)
    headline(author).insert(0, "Zu spät: ");
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await stored(a.id)).headline).toBe("Live");
    expect((await stored(a.id)).version).toBe(s.version); // the step changed access, not the text: nothing stored
    await requestChanges({ ctx: { viewer: n.editor }, input: { id: a.id, version: s.version, note: "Bitte kürzen." } });
    await until("writable again", () => author.scopes.at(-1) === "read-write", 5000);
  });

  it("tells everyone in the article about a workflow step, also those whose scope stays (the editor while the author submits)", async () => {
    const a = await newArticle("Für alle");
    const editor = await client(n.editor, a.id);
    await until("synced", () => editor.provider.isSynced);
    const s = await submitArticle({ ctx: { viewer: n.journalist }, input: { id: a.id, version: (await stored(a.id)).version } });
    await until("the editor hears of the submit", () => editor.stateless.some((m) => m.type === "workflow" && m.status === "in_review"), 5000);
    expect(editor.scopes).toEqual(["read-write"]); // the editor's connection stays as it was
    await requestChanges({ ctx: { viewer: n.editor }, input: { id: a.id, version: s.version, note: "Bitte kürzen." } });
    await until("and of the request for changes", () => editor.stateless.some((m) => m.type === "workflow" && m.status === "changes_requested"), 5000);
  });

  it("tells everyone in the article that its live blog changed: a colleague's draft entry, a publish", async () => {
    const a = await newArticle("Liveticker");
    await setLiveBlog({ ctx: { viewer: n.editor }, input: { articleId: a.id, state: "live" } });
    const editor = await client(n.editor, a.id);
    await until("synced", () => editor.provider.isSynced);
    const heard = () => editor.stateless.filter((m) => m.type === "live").length;
    const entry = await createLiveEntry({ ctx: { viewer: n.journalist }, input: { articleId: a.id, title: "Erste Meldung", body: bodyOf("Deich hält.") } });
    await until("the editor hears of the draft", () => heard() === 1, 5000);
    await publishLiveEntry({ ctx: { viewer: n.editor }, input: { id: entry.id, version: entry.version } });
    await until("and of its publication", () => heard() === 2, 5000);
  });

  it("checks the session row, not only the cookie: a signed-out session opens nothing, and signing out closes an open connection", async () => {
    const a = await newArticle("Abgemeldet");
    // A cookie Auth.js signed, but for a session that has no row (never started, or deleted).
    const [{ sv }] = await (await getDb()).select({ sv: users.sessionVersion }).from(users).where(eq(users.id, n.journalist.id));
    const stale = connectClient(server.url, a.id, await cookieFor(n.journalist, sv, "keine-solche-sitzung"));
    clients.push(stale);
    await until("refused", () => stale.failures.length > 0);
    expect(stale.failures).toEqual(["signed-out"]);
    // Without a session id at all (a cookie from before sessions had rows): refused too.
    const old = connectClient(server.url, a.id, await cookieFor(n.journalist, sv));
    clients.push(old);
    await until("refused", () => old.failures.length > 0);
    expect(old.failures).toEqual(["signed-out"]);

    // Signed in, writing; then signed out (in another tab, say): the connection closes, edits sent after it are not stored.
    const session = await signedInSession(n.journalist);
    const c = connectClient(server.url, a.id, session.cookie);
    clients.push(c);
    await until("synced", () => c.provider.isSynced);
    headline(c).insert(headline(c).length, " – noch da");
    await until("stored", async () => (await stored(a.id)).headline === "Abgemeldet – noch da");
    await endSession({ ctx: { viewer: n.journalist }, input: { id: session.sessionId } });
    await until("closed and refused on reconnect", () => c.failures.includes("signed-out"), 5000);
    headline(c).insert(0, "Nach dem Abmelden: ");
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await stored(a.id)).headline).toBe("Abgemeldet – noch da");
    expect(server.collab.listActiveEditors().get(a.id) ?? []).toEqual([]);
  });

  it("lets a draft be stored without headline or section; submit then names what is missing", async () => {
    const a = await newArticle("Wird geleert");
    const c = await client(n.journalist, a.id);
    await until("synced", () => c.provider.isSynced);
    headline(c).delete(0, headline(c).length);
    c.doc.getMap(FIELDS_MAP).set("sectionId", null);
    await until("stored empty", async () => (await stored(a.id)).headline === "" && (await stored(a.id)).sectionId === null);
    await until("invalid fields told", () => c.stateless.some((m) => m.type === "invalid" && "headline" in (m.fields as object)));
    await expect(submitArticle({ ctx: { viewer: n.journalist }, input: { id: a.id, version: (await stored(a.id)).version } })).rejects.toMatchObject({
      fieldErrors: { headline: ["validation.headlineRequired"], sectionId: ["validation.sectionRequired"] },
    });
  });

  it("brings a restore into the live document: connected editors see it, and it stays stored", async () => {
    const a = await newArticle("Erste Fassung");
    const c = await client(n.journalist, a.id);
    await until("synced", () => c.provider.isSynced);
    headline(c).insert(headline(c).length, " geändert");
    await until("stored", async () => (await stored(a.id)).headline === "Erste Fassung geändert");
    const [first] = await (await getDb()).select().from(articleRevisions).where(and(eq(articleRevisions.articleId, a.id), eq(articleRevisions.kind, "create")));
    await restoreRevision({ ctx: { viewer: n.editor }, input: { id: a.id, version: (await stored(a.id)).version, revisionId: first.id } });
    await until("restore in the editor's document", () => fieldsFromDoc(c.doc).headline === "Erste Fassung");
    await until("and in the database after the next store", async () => (await stored(a.id)).headline === "Erste Fassung" && c.stateless.filter((m) => m.type === "saved").length >= 2);
    headline(c).insert(0, "Neu: ");
    await until("typing on from the restored text", async () => (await stored(a.id)).headline === "Neu: Erste Fassung");
  });

  it("starts the editor page from the stored state: typed before connecting, merged once; after a restore beside it, none until the server has it", async () => {
    const a = await newArticle("Vorab geladen");
    // Nobody has opened it: the page builds the first state and stores it, once.
    expect(await collabStateForEditor(null, a.id)).toBeNull(); // signed out: nothing given, nothing stored
    expect(await (await getDb()).select().from(articleCollabStates).where(eq(articleCollabStates.articleId, a.id))).toEqual([]);
    const start = await collabStateForEditor(n.journalist, a.id);
    expect(start).not.toBeNull();
    expect(await collabStateForEditor(n.editor, a.id)).toEqual(start);
    // A browser types into it before its connection is up, then connects beside someone already there.
    const other = await client(n.editor, a.id);
    await until("the other synced", () => other.provider.isSynced);
    const early = new Y.Doc();
    Y.applyUpdate(early, start!);
    expect(fieldsFromDoc(early).headline).toBe("Vorab geladen");
    (early.getMap(FIELDS_MAP).get("headline") as Y.Text).insert("Vorab geladen".length, " – vor der Verbindung");
    const c = connectClient(server.url, a.id, await sessionCookie(n.journalist), early);
    clients.push(c);
    await until("stored", async () => (await stored(a.id)).headline === "Vorab geladen – vor der Verbindung");
    await until("the other sees it", () => fieldsFromDoc(other.doc).headline === "Vorab geladen – vor der Verbindung");
    expect(JSON.stringify(bodyFromDoc(c.doc))).toBe(JSON.stringify(bodyFromDoc(other.doc)));
    expect(JSON.stringify(bodyFromDoc(c.doc)).match(/Erster Absatz\./g)).toHaveLength(1);
    // A workflow step moves the version, not the text: still a start.
    await until("all stored", async () => c.stateless.some((m) => m.type === "saved"));
    await submitArticle({ ctx: { viewer: n.journalist }, input: { id: a.id, version: (await stored(a.id)).version } });
    expect(await collabStateForEditor(n.journalist, a.id)).not.toBeNull();
    // Written beside the document (a restore) while nobody has it open: the stored state is behind.
    for (const x of [c, other]) x.destroy();
    await until("the server let the document go", () => !server.collab.hocuspocus.documents.has(`article:${a.id}`));
    const [first] = await (await getDb()).select().from(articleRevisions).where(and(eq(articleRevisions.articleId, a.id), eq(articleRevisions.kind, "create")));
    await restoreRevision({ ctx: { viewer: n.editor }, input: { id: a.id, version: (await stored(a.id)).version, revisionId: first.id } });
    expect(await collabStateForEditor(n.editor, a.id)).toBeNull();
  });

  it("comes back after a close and an immediate reconnect (back/forward, waking), and after going offline and online", async () => {
    const a = await newArticle("Wieder da");
    const c = await client(n.journalist, a.id);
    await until("synced", () => c.provider.isSynced);
    const socket = c.provider.configuration.websocketProvider;
    reconnect(socket);
    await until("authenticated again", () => c.scopes.length === 2 && c.provider.isSynced);
    socket.disconnect();
    headline(c).insert(headline(c).length, " – offline getippt");
    connectAgain(socket); // at once: the close is still under way
    await until("stored after coming back", async () => (await stored(a.id)).headline === "Wieder da – offline getippt");
    expect(c.scopes).toEqual(["read-write", "read-write", "read-write"]);
  });

  it("shows who is in which article", async () => {
    const a = await newArticle("Anwesend");
    const c = await client(n.editor, a.id);
    await until("synced", () => c.provider.isSynced);
    expect(server.collab.listActiveEditors().get(a.id)).toEqual([{ id: n.editor.id, name: n.editor.name, readOnly: false }]);
    // Every instance's dashboard reads it from the database, where this instance reports it.
    await until("reported", async () => (await listArticlesBeingEdited()).some((e) => e.articleId === a.id && e.people.some((p) => p.id === n.editor.id)));
    c.destroy();
    await until("gone when they leave", async () => !(await listArticlesBeingEdited()).some((e) => e.articleId === a.id));
  });
});

