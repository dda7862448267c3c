"use client";
// The article's shared document in this browser: one Y.Doc, kept on the device (IndexedDB) and in
// sync with the collaboration server (Hocuspocus on /api/collab, authenticated by the session
// cookie). It reports the save status (lib/editor/sync-status.ts), the connection's scope
// (read-write or read-only), who else is here, and the field problems the server finds.
// Protocol: docs/collab-protocol.md.
import { HocuspocusProvider } from "@hocuspocus/provider";
import { useCallback, useEffect, useRef, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";
import { fromBase64 } from "@/lib/collab/document";
import { connectAgain, reconnect } from "@/lib/collab/reconnect";
import { colorFor } from "@/lib/editor/presence";
import { SyncStatusEngine, type SyncStatus } from "@/lib/editor/sync-status";
import { ARTICLE_STATUSES, type ArticleStatus } from "@/lib/workflow";

export type Peer = { clientId: number; id: number; name: string; color: string; self: boolean };
export type CollabUser = { id: number; name: string };
type ServerMessage =
  | { type: "saved"; at: string; stateVector: string }
  | { type: "store-failed"; reason: string }
  | { type: "invalid"; fields: Record<string, string[]> }
  | { type: "workflow"; status: string }
  | { type: "live" };

/** The origin of the server-rendered state applied at the start (not a change made here). */
const SEED_ORIGIN = "copydesk-seed";

export type CollabDocument = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  status: SyncStatus;
  /** null until the server has answered. */
  scope: "read-write" | "readonly" | null;
  /** Why the server refused this person, if it did ("permission-denied", "signed-out", "not-found"). */
  refused: string | null;
  /** True once the document holds the server's state (or, offline, what this device kept). */
  ready: boolean;
  peers: Peer[];
  /** Field problems that block submit/publish (message keys), as the server last found them. */
  invalid: Record<string, string[]>;
  /** The article's status as the server last announced it after a workflow step (anyone's), null before any. */
  workflow: { status: ArticleStatus } | null;
  /** How many times the server said the article's live blog changed (anyone's entry, publish, pin…). */
  liveChanges: number;
  /** Resolves once the database holds every change made here (or after `timeoutMs`). */
  whenSaved: (timeoutMs: number) => Promise<boolean>;
};

/** The server-rendered start (base64 Yjs state) and whether this person may write, as the page decided. */
export type CollabSeed = { state: string; writable: boolean };

const collabUrl = () => `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/collab`;

export function useCollabDocument(articleId: number, user: CollabUser, seed: CollabSeed | null = null): CollabDocument | null {
  const [collab, setCollab] = useState<{ doc: Y.Doc; provider: HocuspocusProvider; engine: SyncStatusEngine } | null>(null);
  const [status, setStatus] = useState<SyncStatus>({ kind: "connecting" });
  const [scope, setScope] = useState<CollabDocument["scope"]>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [peers, setPeers] = useState<Peer[]>([]);
  const [invalid, setInvalid] = useState<Record<string, string[]>>({});
  const [workflow, setWorkflow] = useState<{ status: ArticleStatus } | null>(null);
  const [liveChanges, setLiveChanges] = useState(0);
  const engineRef = useRef<SyncStatusEngine | null>(null);
  // The page's start, as first rendered: a refresh of the page (after a workflow step) renders a
  // newer one, but the document here is already ahead of it. (The page keys the editor by
  // article, so another article mounts afresh with its own.)
  const [start] = useState(seed);

  useEffect(() => {
    const doc = new Y.Doc();
    const engine = new SyncStatusEngine({ clientId: doc.clientID, onChange: setStatus });
    engineRef.current = engine;
    // The page brought the document as the server stored it: it can be read and typed into now.
    // What the server holds beyond it, and this device's kept copy, merge in as they arrive; what
    // is typed meanwhile is kept on the device and sent once connected. The server's scope, when
    // it answers, replaces the page's guess.
    if (start) {
      Y.applyUpdate(doc, fromBase64(start.state), SEED_ORIGIN);
      engine.documentReady();
      engine.setReadOnly(!start.writable);
    }
    // Per person and article: edits made offline here are delivered on the next open, by this person only.
    const kept = new IndexeddbPersistence(`copydesk:article:${articleId}:user:${user.id}`, doc);
    void kept.whenSynced.then(() => {
      if (doc.getMap("fields").size > 0 || doc.getXmlFragment("body").length > 0) {
        engine.documentReady();
        setReady(true);
      }
    });
    doc.on("update", (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      // Only changes made here (typing, a field, a tag): not the server's or the device store's.
      if (!tr.local) return;
      const after = tr.afterState.get(doc.clientID) ?? 0;
      const moved = after !== (tr.beforeState.get(doc.clientID) ?? 0);
      if (moved || tr.deleteSet.clients.size > 0) engine.localChange(after, !moved);
    });
    const provider = new HocuspocusProvider({
      url: collabUrl(),
      name: `article:${articleId}`,
      document: doc,
      token: "session", // the server reads the session cookie; a token makes it run onAuthenticate
      onAuthenticated: ({ scope: next }) => {
        setRefused(null);
        setScope(next);
        engine.setReadOnly(next === "readonly");
      },
      onAuthenticationFailed: ({ reason }) => {
        setRefused(reason || "permission-denied");
        setScope(null); // nothing more may be typed, whatever the page guessed
      },
      onStatus: ({ status: s }) => {
        if (s === "connected") engine.connectionOpened();
        else if (s === "disconnected") engine.connectionLost();
      },
      onSynced: ({ state }) => {
        if (!state) return;
        engine.documentReady();
        setReady(true);
      },
      onUnsyncedChanges: ({ number }) => engine.unsyncedChanges(number),
      onStateless: ({ payload }) => {
        let message: ServerMessage;
        try {
          message = JSON.parse(payload) as ServerMessage;
        } catch {
          return;
        }
        if (message.type === "saved") engine.saved(new Date(message.at), Y.decodeStateVector(fromBase64(message.stateVector)));
        else if (message.type === "store-failed") engine.storeFailed();
        else if (message.type === "invalid") setInvalid(message.fields ?? {});
        else if (message.type === "workflow" && isArticleStatus(message.status)) setWorkflow({ status: message.status }); // a new object: each step is news
        else if (message.type === "live") setLiveChanges((n) => n + 1);
      },
      onAwarenessChange: ({ states }) => {
        const seen = new Set<number>();
        const list: Peer[] = [];
        // Me first, then the others in the order they came; one entry per person (several tabs are one person).
        for (const s of [...states].sort((a, b) => (a.clientId === doc.clientID ? -1 : b.clientId === doc.clientID ? 1 : 0))) {
          const u = s.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
          if (!u || typeof u.id !== "number" || typeof u.name !== "string" || seen.has(u.id)) continue;
          seen.add(u.id);
          list.push({ clientId: s.clientId, id: u.id, name: u.name, color: typeof u.color === "string" ? u.color : colorFor(u.id), self: s.clientId === doc.clientID });
        }
        setPeers(list);
      },
    });
    provider.setAwarenessField("user", { id: user.id, name: user.name, color: colorFor(user.id) });
    // The document and its connection exist only in the browser, made here and torn down below.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCollab({ doc, provider, engine });
    if (start) {
      setReady(true);
      setScope(start.writable ? "read-write" : "readonly");
    }

    // The browser knows first when the network is gone: stop, keep typing into the device store,
    // and reconnect when it is back.
    const onOffline = () => {
      engine.browserOnline(false);
      provider.disconnect();
    };
    const socket = provider.configuration.websocketProvider;
    const onOnline = () => {
      engine.browserOnline(true);
      connectAgain(socket);
    };
    // Back/forward cache, a laptop waking, a tab coming back: never show a stale copy — reconnect,
    // and the sync brings the current document (Yjs merges whatever was typed here meanwhile).
    const refresh = () => {
      if (navigator.onLine) reconnect(socket);
    };
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) refresh();
    };
    const onVisible = () => {
      if (document.visibilityState === "visible" && socket.status !== "connected") refresh();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    window.addEventListener("pageshow", onPageShow);
    document.addEventListener("visibilitychange", onVisible);
    if (!navigator.onLine) onOffline();
    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("pageshow", onPageShow);
      document.removeEventListener("visibilitychange", onVisible);
      engine.dispose();
      provider.destroy();
      void kept.destroy();
      doc.destroy();
      setCollab(null);
      setReady(false);
      setScope(null);
      setWorkflow(null);
    };
  }, [articleId, user.id, user.name, start]);

  const whenSaved = useCallback(async (timeoutMs: number) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if ((engineRef.current?.unsavedChanges ?? 0) === 0) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return (engineRef.current?.unsavedChanges ?? 0) === 0;
  }, []);

  if (!collab) return null;
  return { doc: collab.doc, provider: collab.provider, status, scope, refused, ready, peers, invalid, workflow, liveChanges, whenSaved };
}

function isArticleStatus(value: unknown): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly unknown[]).includes(value);
}
