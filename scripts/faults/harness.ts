// Shared by the fault scripts: a throw-away database (a temporary PGlite folder, or a fresh
// PostgreSQL database beside DATABASE_URL's), the production server in its own process group
// (so SIGKILL reaches all of it and nothing is orphaned), and a desk client that signs in
// through Auth.js and calls the desk's server actions over HTTP, as the browser does.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getHandle } from "@/db/client";
import { copyTemplate } from "../e2e-template";
import { seedDemo } from "../seed-demo";
import { throwawayDatabase } from "../throwaway-database";

export type Engine = "pglite" | "postgres";

export type Sandbox = { engine: Engine; env: Record<string, string>; dispose: () => Promise<void> };

/**
 * Points this process (db/client.ts reads these variables when it opens) and the servers it
 * starts at a database nobody else uses. The caller's DATABASE_URL, if any, only names the
 * PostgreSQL server: its own database is never touched.
 */
export async function sandbox(name: string): Promise<Sandbox> {
  const base = process.env.DATABASE_URL?.trim();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-${name}-`));
  const env: Record<string, string> = { COPYDESK_DATA_DIR: dataDir, DATABASE_URL: "", AUTH_SECRET: crypto.randomBytes(33).toString("base64") };
  let dropDb = async () => {};
  if (base) {
    const database = await throwawayDatabase(base, name);
    env.DATABASE_URL = database.url;
    dropDb = database.drop;
  }
  Object.assign(process.env, env);
  return {
    engine: base ? "postgres" : "pglite",
    env,
    dispose: async () => {
      await dropDb();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the sandbox's database with the demo newsroom in it: on PGlite a copy of the journeys'
 * seeded newsroom when the Playwright run made one (scripts/e2e-template.ts), otherwise migrated
 * and seeded here.
 */
export async function seedNewsroom(box: Sandbox): Promise<void> {
  const copied = box.engine === "pglite" && copyTemplate(box.env.COPYDESK_DATA_DIR);
  await getHandle();
  if (!copied) await seedDemo();
}

export type Server = { proc: ChildProcess; port: number; output: string[]; exited: Promise<void> };

// What `npm start` runs in production: Next's handler behind the reader front cache.
const serveScript = path.resolve("scripts/serve.mjs");

// Servers this process started: none may outlive it, even when a check throws.
const live = new Set<number>();
process.on("exit", () => {
  for (const pgid of live) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // gone
    }
  }
});
// A signal ends Node without its exit handlers: a journey that failed stops its fault script with
// SIGTERM, and the script's server (its own process group) was left running, holding its port.
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));

/** Refuses to start when something already answers on the port (it would answer in our place). */
export async function assertPortFree(port: number): Promise<void> {
  const answered = await fetch(`http://localhost:${port}/`, { redirect: "manual" }).then(
    (r) => r.arrayBuffer().then(() => true),
    () => false,
  );
  if (answered) throw new Error(`Port ${port} is already in use; stop whatever listens there or pass another --port.`);
}

/** The production server (scripts/serve.mjs) on the existing build, leading its own process group. */
export function startServer(port: number, env: Record<string, string>): Server {
  if (!fs.existsSync(path.join(process.env.COPYDESK_DIST_DIR || ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npx next build` first (npm test builds before these checks).");
  }
  const proc = spawn(process.execPath, [serveScript, "-p", String(port)], {
    detached: true, // its own process group: one signal reaches next-server and its workers
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env, AUTH_TRUST_HOST: "true", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString().split("\n").filter(Boolean));
  proc.stdout!.on("data", collect);
  proc.stderr!.on("data", collect);
  live.add(proc.pid!);
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  return { proc, port, output, exited };
}

/** Waits until the server answers a page (not just the port). */
export async function waitReady(server: Server, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Listening means ours: the port was checked free before the first start, and a server
  // that cannot bind exits (caught below).
  while (Date.now() < deadline) {
    if (server.proc.exitCode !== null) throw new Error(`The server exited while starting:\n${server.output.join("\n")}`);
    try {
      const res = await fetch(`http://localhost:${server.port}/signin`, { redirect: "manual" });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`The server did not answer within ${timeoutMs} ms:\n${server.output.join("\n")}`);
}

/** SIGKILL to the whole process group — no shutdown handler runs, like a power cut. */
export async function killServer(server: Server, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (server.proc.exitCode === null && server.proc.signalCode === null) {
    try {
      process.kill(-server.proc.pid!, signal);
    } catch {
      // already gone
    }
  }
  await server.exited;
  live.delete(server.proc.pid!);
  // next-server's children are in the same group; give the kernel a moment to reap them.
  for (let i = 0; i < 50 && groupAlive(server.proc.pid!); i++) await sleep(20);
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type ActionResult<T> = { ok: true; data: T } | { ok: false; code?: string; message: string };

/** Server action ids by exported name, from the build's manifest (what the browser's bundle carries). */
function actionIds(): Map<string, string> {
  const file = path.join(process.env.COPYDESK_DIST_DIR || ".next", "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, { filename?: string; exportedName?: string }> };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename === "app/(desk)/desk/actions.ts" && entry.exportedName) ids.set(entry.exportedName, id);
  }
  return ids;
}

/** A signed-in desk session talking HTTP to one port (the session cookie outlives restarts). */
export class DeskClient {
  private cookies = new Map<string, string>();
  private ids = actionIds();
  constructor(public port: number) {}

  private get origin() {
    return `http://localhost:${this.port}`;
  }

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  /** The session's cookies as a Cookie header (for a co-editing connection, say). */
  cookie() {
    return this.cookieHeader();
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await fetch(`${this.origin}/api/auth/csrf`);
    this.keep(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await fetch(`${this.origin}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
      body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${this.origin}/desk` }),
    });
    this.keep(res);
    await res.arrayBuffer();
    if (![...this.cookies.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}).`);
  }

  /**
   * Saves an article's working copy through the tools' HTTP route (app/api/articles/[id]): the
   * desk's editor writes through the co-editing connection, so its build carries no save action.
   */
  async save<T>(input: { id: number } & Record<string, unknown>, signal?: AbortSignal): Promise<ActionResult<T>> {
    const res = await fetch(`${this.origin}/api/articles/${input.id}`, {
      method: "POST",
      signal,
      headers: { "content-type": "application/json", origin: this.origin, cookie: this.cookieHeader() },
      body: JSON.stringify(input),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as ActionResult<T>;
    } catch {
      throw new Error(`save: HTTP ${res.status}: ${text.slice(0, 300)}`);
    }
  }

  /**
   * Calls a desk server action the way React's client does: POST to a desk page with the
   * action's id; the arguments are the JSON array, the answer is an RSC stream whose root
   * row points at the action's return value.
   */
  async action<T>(name: string, args: unknown[], page = "/desk", signal?: AbortSignal): Promise<ActionResult<T>> {
    const id = this.ids.get(name);
    if (!id) throw new Error(`No server action ${name} in the build.`);
    const res = await fetch(`${this.origin}${page}`, {
      method: "POST",
      signal,
      headers: {
        "next-action": id,
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        origin: this.origin,
        cookie: this.cookieHeader(),
      },
      body: JSON.stringify(args),
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}: ${text.slice(0, 300)}`);
    return parseActionResult<T>(text);
  }
}

/**
 * Reads the few row shapes React's Flight stream uses for an action's plain-data answer:
 * `id:json` rows and `id:T<hex byte length>,text` rows, with "$<id>" references between them.
 */
export function parseActionResult<T>(payload: string): ActionResult<T> {
  const bytes = Buffer.from(payload, "utf8");
  const rows = new Map<string, unknown>();
  let i = 0;
  while (i < bytes.length) {
    const colon = bytes.indexOf(0x3a, i);
    if (colon < 0) break;
    const id = bytes.subarray(i, colon).toString();
    if (bytes[colon + 1] === 0x54 /* T */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString(), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString("utf8"));
      i = comma + 1 + length;
    } else {
      let end = bytes.indexOf(0x0a, colon);
      if (end < 0) end = bytes.length;
      const text = bytes.subarray(colon + 1, end).toString("utf8");
      try {
        rows.set(id, JSON.parse(text));
      } catch {
        rows.set(id, text); // a row kind this reader does not need
      }
      i = end + 1;
    }
  }
  const resolve = (value: unknown): unknown => {
    if (typeof value === "string" && value.startsWith("$")) {
      if (value.startsWith("$$")) return value.slice(1);
      if (value === "$undefined") return undefined;
      if (value.startsWith("$D")) return value.slice(2);
      const ref = /^\$@?([0-9a-f]+)$/.exec(value);
      if (ref) return resolve(rows.get(ref[1]));
      return value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  const root = rows.get("0") as { a?: string } | undefined;
  if (!root?.a) throw new Error(`Cannot read the action's answer: ${payload.slice(0, 300)}`);
  return resolve(root.a) as ActionResult<T>;
}
