// A real co-editing server for Node tests: the production wiring (db/articles/collab-server.ts,
// the same WebSocket upgrade hand-off as scripts/serve.mjs) on an HTTP server of its own, with
// the database behind it, and clients that connect with a real Auth.js session cookie.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider } from "@hocuspocus/provider";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import * as Y from "yjs";
import type { Viewer } from "@/lib/permissions";
import { handleCollabUpgrade } from "@/lib/collab/upgrade.mjs";
import { startCollabServer } from "../articles/collab-server";
import { getDb } from "../client";
import { users } from "../schema";
import { startSession } from "../sessions/start";
import { eq } from "drizzle-orm";

export const TEST_SECRET = "collab-test-secret-0123456789abcdef";

export async function startTestCollabServer(options: { debounce?: number; maxDebounce?: number } = {}) {
  process.env.AUTH_SECRET ??= TEST_SECRET;
  const collab = startCollabServer({ debounce: 200, maxDebounce: 1000, ...options });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!handleCollabUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/api/collab`;
  return {
    collab,
    url,
    async close() {
      await collab.flush();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The session cookie Auth.js would have set for this user at sign-in, with its session row (db/sessions). */
export async function sessionCookie(viewer: Viewer): Promise<string> {
  return (await signedInSession(viewer)).cookie;
}

/** A sign-in of this user as Auth.js makes it: the session row and the cookie that names it. */
export async function signedInSession(viewer: Viewer): Promise<{ cookie: string; sessionId: string }> {
  const [row] = await (await getDb()).select({ sv: users.sessionVersion }).from(users).where(eq(users.id, viewer.id));
  const sessionId = await startSession({ userId: viewer.id, userAgent: "collab test" });
  return { cookie: await cookieFor(viewer, row.sv, sessionId), sessionId };
}

/** A cookie as Auth.js signs it, for any claims (a session id that has no row, say). */
export async function cookieFor(viewer: Viewer, sessionVersion: number, sessionId?: string): Promise<string> {
  const name = "authjs.session-token";
  const token = await encode({ token: { sub: String(viewer.id), uid: viewer.id, role: viewer.role, sv: sessionVersion, ...(sessionId ? { sid: sessionId } : {}) }, secret: process.env.AUTH_SECRET!, salt: name });
  return `${name}=${token}`;
}

export type TestClient = {
  provider: HocuspocusProvider;
  doc: Y.Doc;
  stateless: { type: string; [key: string]: unknown }[];
  closes: string[];
  scopes: string[];
  failures: string[];
  destroy(): void;
};

/** A HocuspocusProvider in Node, as the browser's would be, carrying `cookie` (none: anonymous). */
export function connectClient(url: string, articleId: number, cookie: string | null, doc = new Y.Doc()): TestClient {
  const headers = cookie ? { cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // Destroying a provider whose socket is still connecting makes ws emit an error of its
      // own; the provider has let go of the socket by then (a test would crash, not a tab).
      this.on("error", () => undefined);
    }
  }
  const client: TestClient = {
    doc,
    stateless: [],
    closes: [],
    scopes: [],
    failures: [],
    provider: null as unknown as HocuspocusProvider,
    destroy: () => client.provider.destroy(),
  };
  client.provider = new HocuspocusProvider({
    url,
    name: `article:${articleId}`,
    document: doc,
    token: "session",
    WebSocketPolyfill: CookieWebSocket,
    onStateless: ({ payload }) => client.stateless.push(JSON.parse(payload)),
    onAuthenticated: ({ scope }) => client.scopes.push(scope),
    onAuthenticationFailed: ({ reason }) => client.failures.push(reason),
    onClose: ({ event }) => client.closes.push(String(event.reason)),
  } as ConstructorParameters<typeof HocuspocusProvider>[0]);
  return client;
}

/** How many of `clientId`'s operations `doc` holds (its entry in the state vector), read without encoding one. */
export function clockIn(doc: Y.Doc, clientId: number = doc.clientID): number {
  return Y.getState(doc.store, clientId);
}

/**
 * For a server `saved` message: `clientId`'s clock in what the database now holds (a change of
 * that client's is stored once this reaches the clock right after it — the rule behind the
 * editor's "Saved 14:03"); null for any other message.
 */
export function storedClock(message: { type?: string; stateVector?: unknown }, clientId: number): number | null {
  if (message.type !== "saved" || typeof message.stateVector !== "string") return null;
  return Y.decodeStateVector(Buffer.from(message.stateVector, "base64")).get(clientId) ?? 0;
}

/** Waits until `check` holds (polling), or fails with `what` after `ms`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Points this test file's database at an embedded one in a fresh temporary folder (unless
 * DATABASE_URL names a PostgreSQL): the co-editing server writes outside any test transaction.
 */
export function withTemporaryDatabase(): void {
  if (!process.env.DATABASE_URL?.trim()) process.env.COPYDESK_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-collab-"));
}
