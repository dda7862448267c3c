import "server-only";
// Starts this process's co-editing server (lib/collab/server.ts) with the database behind it,
// once per process (instrumentation.ts), and makes it reachable for the HTTP server's WebSocket
// upgrades (scripts/serve.mjs, scripts/dev-server.mjs) through a globalThis symbol — Next's
// bundles and the plain server script do not share module instances.
import { Redis } from "@hocuspocus/extension-redis";
import { sessionFromCookie } from "@/lib/collab/session";
import { createCollabServer, type CollabServer } from "@/lib/collab/server";
import type { WorkingCopy } from "@/lib/collab/document";
import { Forbidden, isDatabaseUnavailable } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import { sessionPolicy } from "@/lib/session-policy";
import { databaseUrl } from "../client";
import { mustEnrolSecondFactor } from "../second-factor/queries";
import { checkSession, type LiveSession } from "../sessions/check";
import { getViewerById, loadViewer } from "../users/queries";
import { COLLAB_CHANNEL, deliverCollabEvent, onCollabEvent, PROCESS_ORIGIN, type CollabEvent } from "./collab-events";
import { claimCollabVersion } from "./claim-collab-version";
import { initCollabState } from "./init-collab-state";
import { getArticleAccess, getCollabSource } from "./collab-queries";
import { reportPresence } from "./presence";
import { storeCollabState } from "./store-collab";

const GLOBAL = Symbol.for("copydesk.collab");

type Global = { server?: CollabServer };

export function collabGlobal(): Global {
  const g = globalThis as unknown as Record<symbol, Global | undefined>;
  return (g[GLOBAL] ??= {});
}

/** This process's co-editing server, if it runs here (null in scripts and tests without one). */
export function runningCollabServer(): CollabServer | null {
  return collabGlobal().server ?? null;
}

/**
 * As app/auth.ts getViewer decides it on every desk request, from the database: someone whose role
 * requires a second factor they have not enrolled (and whose sign-in did not pass one at the
 * identity provider) may do nothing but enrol — here, not even read (`can()` refuses a viewer
 * who must enrol, so the connection is turned away).
 */
async function withEnrolment(viewer: Viewer, session: LiveSession): Promise<Viewer> {
  return !session.secondFactorAtProvider && (await mustEnrolSecondFactor(viewer)) ? { ...viewer, mustEnrol: true } : viewer;
}

export function startCollabServer(options: { debounce?: number; maxDebounce?: number } = {}): CollabServer {
  const existing = collabGlobal().server;
  if (existing) return existing;
  const redisUrl = process.env.REDIS_URL?.trim();
  const presence = presenceReporter(() => collabGlobal().server ?? null);
  const server = createCollabServer({
    ...options,
    onPresenceChange: presence.soon,
    extensions: redisUrl ? [redisExtension(redisUrl)] : [],
    ports: {
      // The same checks as every desk request (app/auth.ts getViewer): the user, then the session's row.
      async viewerFromCookie(cookie) {
        const claims = await sessionFromCookie(cookie, process.env.AUTH_SECRET);
        if (!claims?.sessionId) return null;
        const viewer = await loadViewer(claims.userId, claims.sessionVersion);
        const session = viewer && (await checkSession(claims.sessionId, viewer.id, sessionPolicy()));
        if (!viewer || !session) return null;
        return { ...(await withEnrolment(viewer, session)), sessionId: claims.sessionId };
      },
      async viewerOfSession({ id, sessionId }) {
        const viewer = await getViewerById(id);
        const session = viewer && (await checkSession(sessionId, id, sessionPolicy()));
        return viewer && session ? withEnrolment(viewer, session) : null;
      },
      articleAccess: (id) => getArticleAccess(id),
      async loadSource(id) {
        const source = await getCollabSource(id);
        return source && { ...source, copy: source.copy as WorkingCopy };
      },
      async store({ viewer, contributors, articleId, state, stateVector, copy }) {
        const result = await storeCollabState({ ctx: { viewer }, input: { id: articleId, state, stateVector, copy, contributors: contributors.filter((c) => c.id !== viewer.id) } });
        return { version: result.version, problems: result.problems };
      },
      claimExternal: claimCollabVersion,
      initState: initCollabState,
      isUnavailable: isDatabaseUnavailable,
      isForbidden: (error) => error instanceof Forbidden,
    },
  });
  collabGlobal().server = server;
  presence.start();
  onCollabEvent((event) => void handle(server, event));
  void warnIfAlone(Boolean(redisUrl));
  const url = databaseUrl();
  if (url) void listen(url);
  return server;
}

async function handle(server: CollabServer, event: CollabEvent): Promise<void> {
  try {
    if (event.kind === "access") await server.redecide(event);
    else if (event.kind === "live") server.tell(event.articleId, { type: "live" });
    else if (event.source === "external") await server.applyExternal(event.articleId);
  } catch (error) {
    console.error("[collab] could not follow a change:", (error as Error).message);
  }
}

function redisExtension(url: string): Redis {
  const u = new URL(url);
  const db = Number(u.pathname.slice(1) || 0);
  return new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    options: { db, ...(u.password ? { password: decodeURIComponent(u.password) } : {}), ...(u.username ? { username: decodeURIComponent(u.username) } : {}) },
    prefix: `copydesk-collab-${db}`,
  });
}

async function warnIfAlone(withRedis: boolean): Promise<void> {
  if (withRedis) return console.log("[collab] co-editing shares documents with other instances through Redis");
  if (databaseUrl()) {
    console.warn(
      "[collab] REDIS_URL is not set: co-editing works within this one instance only. Running several instances on this PostgreSQL without Redis, people editing the same article on different instances will not see each other's changes live (the database keeps both).",
    );
  }
}

/** How often an instance with people in it says so again (the rows count for PRESENCE_FRESH_SECONDS). */
const PRESENCE_EVERY_MS = 10_000;

/**
 * Tells the database who writes where on this instance, so that every instance's dashboard
 * shows the whole newsroom: a moment after a connection opens or closes, and every ten seconds
 * while anyone is connected. An instance with nobody in it writes nothing (after saying so once).
 */
function presenceReporter(server: () => CollabServer | null) {
  let reported = false; // the last report named someone
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const report = () => {
    running = running.then(async () => {
      const active = server()?.listActiveEditors();
      const entries = [...(active ?? [])].flatMap(([articleId, people]) => people.filter((p) => !p.readOnly).map((p) => ({ articleId, userId: p.id })));
      if (!entries.length && !reported) return;
      try {
        await reportPresence(PROCESS_ORIGIN, entries);
        reported = entries.length > 0;
      } catch (error) {
        if (!isDatabaseUnavailable(error)) console.error("[collab] could not report who is editing:", (error as Error).message);
      }
    });
  };
  return {
    soon() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        report();
      }, 300);
      timer.unref?.();
    },
    start() {
      setInterval(() => reported && report(), PRESENCE_EVERY_MS).unref?.();
    },
  };
}

/** Events from other instances (PostgreSQL NOTIFY), delivered here as if they were local. */
async function listen(url: string): Promise<void> {
  const { Client } = await import("pg");
  for (let retryMs = 1000; ; retryMs = Math.min(retryMs * 2, 30_000)) {
    const client = new Client({ connectionString: url });
    const ended = new Promise<void>((resolve) => {
      client.on("error", () => resolve());
      client.on("end", () => resolve());
    });
    client.on("notification", ({ channel, payload }) => {
      if (channel !== COLLAB_CHANNEL || !payload) return;
      try {
        const event = JSON.parse(payload) as CollabEvent;
        if (event.origin !== PROCESS_ORIGIN) deliverCollabEvent(event);
      } catch {
        // not ours
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${COLLAB_CHANNEL}`);
      retryMs = 500;
      await ended;
    } catch {
      // the database is away; try again
    }
    await client.end().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
