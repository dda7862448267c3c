// The database goes away under a running production server, and comes back. This script sets
// the stage and pulls the plug when told; e2e/faults/db-down.spec.ts drives a real browser
// against the server (the editor's autosave runs in the browser) and checks what people see.
//
// The machine's PostgreSQL is shared, so it is never stopped: the server reaches its (fresh,
// throw-away) database through a TCP relay (db-relay.ts), and "PostgreSQL is down" is the relay
// resetting every connection and refusing new ones. The server is never restarted: its pool
// and its LISTEN client must find the database again by themselves.
//
// Protocol, one JSON object per line: the script prints {"event":"ready", …} once the server
// answers, then reads commands on stdin — "cut", "restore", "version <articleId>" (read
// directly, not through the relay), "listening [seconds]" (waits until the server's LISTEN client is
// connected; 0: only looks), "stop" — and answers each with one line. PostgreSQL only.
//
//   npx tsx --conditions=react-server scripts/faults/db-down.ts [--port 3105] [--relay-port 3106] [--report file.json]
// Needs a production build and DATABASE_URL (a fresh database is made beside the one named).
import fs from "node:fs";
import readline from "node:readline";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, getHandle } from "@/db/client";
import { seedDemo } from "../seed-demo";
import { DbRelay } from "./db-relay";
import { assertPortFree, killServer, sandbox, startServer, waitReady, type Server } from "./harness";

const { values } = parseArgs({ options: { port: { type: "string" }, "relay-port": { type: "string" }, report: { type: "string" } } });
const base = Number(process.env.E2E_PORT || 3100);
const PORT = Number(values.port ?? base + 5); // e2e/ports.ts
const RELAY_PORT = Number(values["relay-port"] ?? base + 6);

const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(message)}\n`);

type Row = Record<string, unknown>;
async function query(q: ReturnType<typeof sql>): Promise<Row[]> {
  const { db } = await getHandle();
  return ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
}

const started = Date.now();
const report: Record<string, unknown> = { engine: "postgres" };
let failure: string | null = null;
let server: Server | undefined;
let relay: DbRelay | undefined;
let box: Awaited<ReturnType<typeof sandbox>> | undefined;
try {
  if (!process.env.DATABASE_URL?.trim()) throw new Error("db-down needs PostgreSQL: set DATABASE_URL (the embedded database lives inside the server process).");
  box = await sandbox("db-down");
  await assertPortFree(PORT);
  await seedDemo();

  // A draft of the journalist's (theirs to edit), and two published articles: one a reader
  // has seen before the outage (cached), one nobody has asked for yet (uncached).
  const [draft] = await query(sql`
    select a.id, a.version from articles a
    join article_authors aa on aa.article_id = a.id join users u on u.id = aa.user_id
    where u.email = 'journalist@copydesk.test' and a.status = 'draft' order by a.id limit 1`);
  const pages = await query(sql`select '/' || section_slug || '/' || slug as path, headline from publications order by article_id limit 2`);
  if (!draft || pages.length < 2) throw new Error("The demo newsroom has no journalist's draft or too few publications.");

  const target = new URL(box.env.DATABASE_URL);
  relay = new DbRelay({ host: target.hostname, port: Number(target.port || 5432) });
  await relay.start(RELAY_PORT);
  const viaRelay = new URL(box.env.DATABASE_URL);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(RELAY_PORT);

  server = startServer(PORT, { ...box.env, DATABASE_URL: viaRelay.toString() });
  await waitReady(server);
  report.article = { id: draft.id, startVersion: draft.version };
  say({
    event: "ready",
    origin: `http://localhost:${PORT}`,
    article: { id: draft.id, version: draft.version },
    cached: pages[0],
    uncached: pages[1],
  });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, arg] = line.trim().split(/\s+/);
    if (server.proc.exitCode !== null || server.proc.signalCode !== null) throw new Error(`The server died:\n${server.output.slice(-40).join("\n")}`);
    if (command === "cut") {
      await relay.cut();
      report.cutAt = Date.now();
      say({ event: "cut" });
    } else if (command === "restore") {
      await relay.restore();
      report.downSeconds = Math.round((Date.now() - Number(report.cutAt)) / 100) / 10;
      say({ event: "restored" });
    } else if (command === "listening") {
      // The server's LISTEN client (db/reader-cache.ts) is connected again: PostgreSQL shows a
      // session of this database whose last statement was its LISTEN.
      const since = Date.now();
      const waitMs = arg === undefined ? 60_000 : Number(arg) * 1000; // "listening 0": just look
      let found = false;
      for (let first = true; first || (!found && Date.now() - since < waitMs); first = false) {
        const rows = await query(sql`select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`);
        found = rows.length > 0;
        if (!found) await new Promise((r) => setTimeout(r, 250));
      }
      say({ event: "listening", found, seconds: Math.round((Date.now() - since) / 100) / 10 });
    } else if (command === "version") {
      const [row] = await query(sql`select version from articles where id = ${Number(arg)}`);
      say({ event: "version", version: row?.version ?? null });
    } else if (command === "stop") {
      break;
    } else {
      say({ event: "error", message: `unknown command ${line}` });
    }
  }
  // The same server process throughout: nothing restarted it.
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) throw new Error("The server died during the check.");
  report.relayConnections = relay.accepted;
  const log = server.output;
  report.unavailableLogLines = log.filter((l) => l.includes("database unavailable")).length;
  // Failed renders are logged by Next (with the query and its cause: for the operator, never
  // the reader); what must not appear is a crash of the process's own.
  report.failedRenderLogLines = log.filter((l) => l.includes("⨯")).length;
  report.unhandled = log.filter((l) => /unhandled|uncaught/i.test(l)).slice(0, 20);
  await killServer(server, "SIGTERM");
} catch (error) {
  failure = error instanceof Error ? error.message : String(error);
  if (server) await killServer(server);
} finally {
  await relay?.close();
  await closeDb().catch(() => undefined);
  await box?.dispose().catch(() => undefined);
}

Object.assign(report, { seconds: Math.round((Date.now() - started) / 1000), failure });
say({ event: "done", report });
if (values.report) fs.writeFileSync(values.report, JSON.stringify(report, null, 2));
process.exit(failure ? 1 : 0);
