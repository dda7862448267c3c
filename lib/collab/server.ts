// The co-editing server: one Hocuspocus instance per app process, reached by a WebSocket
// upgrade on /api/collab of the app's own port (scripts/serve.mjs and scripts/dev-server.mjs
// hand such upgrades to `handleUpgrade`). The database is reached through the ports the caller
// passes in (instrumentation.ts wires the db/ verbs), so this module stays free of db/ imports.
//
// Per connection: the session cookie says who, `can()` says read-write or read-only.
// Per update: applied to a probe copy first; content no editor writes is refused before it
// reaches the shared document, and that client's connection to the document is closed.
// Per store: the JSON working copy is derived, validated and stored with the Yjs state; every
// editor gets `saved` (with the stored state vector) or `store-failed` (kept, retried).
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Document, type Extension } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import { can, type ArticleAccess, type Viewer } from "../permissions";
import { copyNewerThanState, differsFromCopy, findForeignContent, firstStateOf, replaceWorkingCopy, toBase64, workingCopyFromDoc, type WorkingCopy } from "./document";

export const COLLAB_PATH = "/api/collab";

export type CollabSourceData = {
  id: number;
  version: number;
  copy: WorkingCopy;
  state: Uint8Array | null;
  stateVersion: number | null;
};

export type StoreOutcome = { version: number; problems: Record<string, string[]> };

/** What the server needs from the database (db/ verbs, wired by the caller). */
export type CollabPorts = {
  /**
   * The signed-in newsroom user behind a cookie header, re-read, with the id of their session row
   * (null: no cookie, inactive, session version bumped, or the session signed out, ended or expired).
   */
  viewerFromCookie(cookieHeader: string | undefined): Promise<(Viewer & { sessionId: string }) | null>;
  /** The user of an open connection re-read, and their session checked again (for live re-decisions): null when inactive, gone or signed out. */
  viewerOfSession(viewer: Viewer & { sessionId: string }): Promise<Viewer | null>;
  articleAccess(articleId: number): Promise<ArticleAccess | null>;
  loadSource(articleId: number): Promise<CollabSourceData | null>;
  /** Stores a first state built from JSON, or returns the one stored first elsewhere (use that). */
  initState(articleId: number, state: Uint8Array, stateVector: Uint8Array, articleVersion: number): Promise<Uint8Array>;
  /** True for exactly one instance: it brings a copy written beside the document into it. */
  claimExternal(articleId: number, version: number): Promise<boolean>;
  store(args: { viewer: Viewer; contributors: Viewer[]; articleId: number; state: Uint8Array; stateVector: Uint8Array; copy: WorkingCopy }): Promise<StoreOutcome>;
  /** Whether an error means the database is away (then: keep, say so, retry). */
  isUnavailable(error: unknown): boolean;
  /** Whether an error is a refusal of the acting person (then: try another contributor). */
  isForbidden(error: unknown): boolean;
};

export type CollabServerOptions = {
  ports: CollabPorts;
  /** ms of quiet before a store, and the longest a busy document waits (Hocuspocus debounce). */
  debounce?: number;
  maxDebounce?: number;
  retryMs?: number;
  extensions?: Extension[];
  log?: (message: string) => void;
  /** Called whenever a connection opens or closes (who is in which article changed). */
  onPresenceChange?: () => void;
};

type Context = { viewer: Viewer & { sessionId: string }; articleId: number; readOnly: boolean };

/** Per open document: who changed it since the last store, and whether a store is owed. */
type DocState = { articleId: number; contributors: Map<number, Viewer>; dirty: boolean; retry: NodeJS.Timeout | null; lastSaved: string | null };

const NAME = /^article:([1-9]\d{0,9})$/;

export function articleIdOf(documentName: string): number | null {
  const m = NAME.exec(documentName);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id <= 2147483647 ? id : null;
}

const refuse = (reason: string) => Object.assign(new Error(reason), { reason });

export type CollabServer = ReturnType<typeof createCollabServer>;

export function createCollabServer(options: CollabServerOptions) {
  const { ports } = options;
  const log = options.log ?? ((m: string) => console.log(`[collab] ${m}`));
  const docs = new Map<string, DocState>();
  const retryMs = options.retryMs ?? 5000;

  const stateOf = (name: string): DocState => {
    let s = docs.get(name);
    if (!s) {
      s = { articleId: articleIdOf(name) ?? 0, contributors: new Map(), dirty: false, retry: null, lastSaved: null };
      docs.set(name, s);
    }
    return s;
  };

  const broadcast = (document: Document, message: object) => document.broadcastStateless(JSON.stringify(message));

  async function store(document: Document): Promise<void> {
    const s = stateOf(document.name);
    if (s.retry) clearTimeout(s.retry);
    s.retry = null;
    const contributors = [...s.contributors.values()].reverse(); // latest first
    if (!contributors.length && !s.dirty) return;
    let copy: WorkingCopy;
    try {
      copy = workingCopyFromDoc(document);
    } catch (error) {
      // Every update was checked before it got in; this is a bug, not a client. Keep the document.
      log(`article ${s.articleId}: not stored, the document does not convert: ${(error as Error).message}`);
      return;
    }
    const stateVector = Y.encodeStateVector(document);
    const state = Y.encodeStateAsUpdate(document);
    s.contributors.clear();
    s.dirty = false;
    try {
      let outcome: StoreOutcome | null = null;
      let lastRefusal: unknown = null;
      for (const viewer of contributors.length ? contributors : [SYSTEM]) {
        try {
          outcome = await ports.store({ viewer, contributors, articleId: s.articleId, state, stateVector, copy });
          break;
        } catch (error) {
          if (!ports.isForbidden(error)) throw error;
          lastRefusal = error;
        }
      }
      if (!outcome) {
        log(`article ${s.articleId}: changes not stored, nobody who made them may edit it any more (${(lastRefusal as Error)?.message})`);
        return;
      }
      s.lastSaved = new Date().toISOString();
      broadcast(document, { type: "saved", at: s.lastSaved, stateVector: toBase64(stateVector), version: outcome.version });
      broadcast(document, { type: "invalid", fields: outcome.problems });
    } catch (error) {
      // Nothing lost: the document stays in memory (it is not unloaded while dirty) and is retried.
      for (const v of contributors.reverse()) if (!s.contributors.has(v.id)) s.contributors.set(v.id, v);
      s.dirty = true;
      const unavailable = ports.isUnavailable(error);
      if (!unavailable) log(`article ${s.articleId}: store failed: ${(error as Error).message}`);
      broadcast(document, { type: "store-failed", reason: unavailable ? "database-unavailable" : "store-failed" });
      s.retry = setTimeout(() => void hocuspocus.storeDocumentHooks(document, { document, documentName: document.name } as never, true), retryMs);
      s.retry.unref?.();
    }
  }

  const hocuspocus = new Hocuspocus({
    name: `copydesk-${process.pid}`,
    quiet: true,
    debounce: options.debounce ?? 1000,
    maxDebounce: options.maxDebounce ?? 5000,
    extensions: options.extensions ?? [],

    async onAuthenticate({ documentName, requestHeaders, connectionConfig }) {
      const articleId = articleIdOf(documentName);
      if (!articleId) throw refuse("not-found");
      const viewer = await ports.viewerFromCookie(requestHeaders.cookie);
      if (!viewer) throw refuse("signed-out");
      // Their role requires a second factor they have not enrolled: the desk lets them enrol, nothing else.
      if (viewer.mustEnrol) throw refuse("second-factor-required");
      const access = await ports.articleAccess(articleId);
      if (!access) throw refuse("not-found");
      const readOnly = !can(viewer, "article.edit", access);
      connectionConfig.readOnly = readOnly;
      return { viewer, articleId, readOnly } satisfies Context;
    },

    async onLoadDocument({ documentName, document }) {
      const articleId = articleIdOf(documentName);
      const source = articleId ? await ports.loadSource(articleId) : null;
      if (!source) throw refuse("not-found");
      const s = stateOf(documentName);
      if (!source.state) {
        const first = firstStateOf(source.copy);
        Y.applyUpdate(document, await ports.initState(source.id, first.state, first.stateVector, source.version));
      } else {
        Y.applyUpdate(document, source.state);
        // Written beside the document since (restore, import, the old save form): a forward change.
        if (copyNewerThanState(source) && differsFromCopy(document, source.copy) && (await ports.claimExternal(source.id, source.version))) {
          replaceWorkingCopy(document, source.copy);
          s.dirty = true;
        }
      }
      return document;
    },

    async afterLoadDocument({ document }) {
      // A forward change made while loading is stored like any other.
      if (docs.get(document.name)?.dirty) void hocuspocus.storeDocumentHooks(document, { document, documentName: document.name } as never, true);
    },

    async beforeHandleMessage({ connection, document, update, context }) {
      const ctx = context as Context;
      if (connection.readOnly) return; // Hocuspocus drops their document updates itself
      const incoming = documentUpdateIn(update);
      if (!incoming || isPlainTyping(document, incoming)) return;
      const probe = new Y.Doc({ gc: false });
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(document));
      Y.applyUpdate(probe, incoming);
      const problem = findForeignContent(probe);
      probe.destroy();
      if (problem) {
        log(`refused an update to article ${ctx.articleId} from user ${ctx.viewer.id} (${ctx.viewer.name}) and closed the connection: ${problem}`);
        throw Object.assign(new Error("invalid-update"), { code: 4400, reason: "invalid-update" });
      }
    },

    async connected() {
      options.onPresenceChange?.();
    },

    async onDisconnect() {
      options.onPresenceChange?.();
    },

    async onChange({ documentName, context, transactionOrigin }) {
      const viewer = (context as Partial<Context>).viewer;
      if (!transactionOrigin || !viewer) return;
      const s = stateOf(documentName);
      s.contributors.delete(viewer.id);
      s.contributors.set(viewer.id, viewer);
    },

    async onStoreDocument({ document }) {
      await store(document);
    },

    async beforeUnloadDocument({ documentName }) {
      // A document whose changes are not in the database yet stays in memory (retrying).
      if (docs.get(documentName)?.dirty) throw new Error("unsaved changes");
    },

    async afterUnloadDocument({ documentName }) {
      const s = docs.get(documentName);
      if (s?.retry) clearTimeout(s.retry);
      docs.delete(documentName);
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  /** Takes a WebSocket upgrade on /api/collab; returns false for other paths. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const path = (request.url ?? "").split("?")[0];
    if (path !== COLLAB_PATH) return false;
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      ws.on("error", (error) => log(`socket error: ${error.message}`));
      hocuspocus.handleConnection(ws, request);
    });
    return true;
  }

  /** Every open connection, with its document and person. */
  function connections() {
    const out: { document: Document; connection: Document["connections"] extends Map<unknown, infer V> ? V extends { connection: infer C } ? C : never : never; context: Context }[] = [];
    for (const document of hocuspocus.documents.values()) {
      for (const { connection } of document.connections.values()) {
        out.push({ document, connection, context: connection.context as Context });
      }
    }
    return out;
  }

  /**
   * Decides again what every open connection of an article or a person may do, and closes the
   * WebSocket of each whose scope changed (the provider reconnects and learns the new scope, or
   * is refused when nothing is left).
   */
  async function redecide(who: { articleId?: number; userId?: number; everyone?: boolean; byline?: boolean }): Promise<void> {
    const affected = connections().filter(({ context }) => context && (who.everyone || context.articleId === who.articleId || context.viewer.id === who.userId));
    const access = new Map<number, ArticleAccess | null>();
    // A workflow step: everyone in the article learns its new status at once (their workflow bar
    // follows), also those whose scope stays the same (an editor while the author submits).
    if (who.articleId !== undefined && !who.byline) {
      const document = hocuspocus.documents.get(`article:${who.articleId}`);
      const article = document ? await ports.articleAccess(who.articleId) : null;
      access.set(who.articleId, article);
      if (document && article) broadcast(document, { type: "workflow", status: article.status });
    }
    const people = new Map<string, Viewer | null>(); // per session: one person may be signed in twice
    for (const { connection, context } of affected) {
      if (!access.has(context.articleId)) access.set(context.articleId, await ports.articleAccess(context.articleId));
      const session = `${context.viewer.id} ${context.viewer.sessionId}`;
      if (!people.has(session)) people.set(session, await ports.viewerOfSession(context.viewer));
      const viewer = people.get(session);
      const article = access.get(context.articleId);
      const readOnly = viewer && !viewer.mustEnrol && article ? !can(viewer, "article.edit", article) : null;
      if (readOnly === context.readOnly && viewer?.role === context.viewer.role) continue;
      // Stop accepting at once, then let the client come back with its new scope.
      connection.readOnly = true;
      log(`access of user ${context.viewer.id} to article ${context.articleId} changed (${readOnly === null ? "none" : readOnly ? "read-only" : "read-write"}): reconnecting`);
      connection.webSocket.close(4403, "access-changed");
    }
  }

  /** A message for everyone who has the article open (nothing when nobody has). */
  function tell(articleId: number, message: { type: string }): void {
    const document = hocuspocus.documents.get(`article:${articleId}`);
    if (document) broadcast(document, message);
  }

  /** Applies a working copy written outside the document (restore, import…) as a forward change. */
  async function applyExternal(articleId: number): Promise<void> {
    const name = `article:${articleId}`;
    if (!hocuspocus.documents.has(name)) return; // the next load brings it in
    const source = await ports.loadSource(articleId);
    if (!source || !differsFromCopy(hocuspocus.documents.get(name)!, source.copy) || !(await ports.claimExternal(articleId, source.version))) return;
    const direct = await hocuspocus.openDirectConnection(name, {});
    try {
      await direct.transact((document) => replaceWorkingCopy(document, source.copy));
      stateOf(name).dirty = true;
    } finally {
      await direct.disconnect();
    }
  }

  /** Who is in which article on this instance (the dashboard's "being edited by"). */
  function listActiveEditors(): Map<number, { id: number; name: string; readOnly: boolean }[]> {
    const out = new Map<number, { id: number; name: string; readOnly: boolean }[]>();
    for (const { context } of connections()) {
      if (!context?.viewer) continue;
      const list = out.get(context.articleId) ?? [];
      if (!list.some((p) => p.id === context.viewer.id)) list.push({ id: context.viewer.id, name: context.viewer.name, readOnly: context.readOnly });
      out.set(context.articleId, list);
    }
    return out;
  }

  /** Stores every document with changes not yet in the database (on shutdown). */
  async function flush(): Promise<void> {
    for (const document of hocuspocus.documents.values()) {
      const s = docs.get(document.name);
      if (s && (s.dirty || s.contributors.size)) await store(document);
    }
  }

  return { hocuspocus, handleUpgrade, redecide, tell, applyExternal, listActiveEditors, flush };
}

const SYSTEM: Viewer = { id: 0, role: "admin", name: "Copydesk" };

/** The Yjs update inside a sync message (SyncStep2 or Update), or null for any other message. */
function documentUpdateIn(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder); // document name
    if (decoding.readVarUint(decoder) !== 0) return null; // not a sync message
    const step = decoding.readVarUint(decoder);
    if (step !== 1 && step !== 2) return null; // SyncStep1 only asks
    return decoding.readVarUint8Array(decoder);
  } catch {
    return null; // Hocuspocus refuses what it cannot read
  }
}

/**
 * Typing and deleting text can never bring in a node, mark, attribute or field no editor
 * writes: such updates skip the probe (the common case, keystroke by keystroke). Plain typing:
 * only strings, each inside a text the document already has (a paragraph's XmlText or a field's
 * Y.Text), or next to another string of the same update.
 */
function isPlainTyping(document: Y.Doc, update: Uint8Array): boolean {
  try {
    const { structs } = Y.decodeUpdate(update);
    return structs.every((s) => {
      if (s instanceof Y.GC || s instanceof Y.Skip) return true;
      if (!(s instanceof Y.Item) || s.parentSub !== null) return false;
      if (s.content instanceof Y.ContentDeleted) return true;
      if (!(s.content instanceof Y.ContentString)) return false;
      if (s.parent instanceof Y.ID) {
        const parent = Y.getItem(document.store, s.parent);
        return parent instanceof Y.Item && parent.content instanceof Y.ContentType && parent.content.type instanceof Y.Text;
      }
      // Placed by its neighbour: inside whatever text that neighbour is in.
      const neighbour = s.origin ?? s.rightOrigin;
      if (s.parent !== null || !neighbour) return false;
      const item = Y.getItem(document.store, neighbour);
      return item instanceof Y.Item && item.parent instanceof Y.Text && item.parent._item !== null;
    });
  } catch {
    return false; // a parent this document does not have yet: the probe decides
  }
}
