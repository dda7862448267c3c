import "server-only";
import { is } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { z } from "zod";
import { Invalid } from "@/lib/errors";
import { SLUG_PATTERN } from "@/lib/slug";
import type { Viewer } from "@/lib/permissions";
import { getDb, type Db } from "./client";

/** Who is acting, and (in tests or nested verbs) the transaction to act in. */
export type Ctx = { viewer: Viewer | null; tx?: Db };
export type VerbArgs<I> = { ctx: Ctx; input: I };

/** The actor for command-line scripts (first admin, seed). Never reaches a web request. */
export const SYSTEM_VIEWER: Viewer = { id: 0, role: "admin", name: "Copydesk" };

// What to do once a transaction has committed, per transaction (savepoints share their
// outer transaction's list).
// A callback may return a promise (the edge purge): the verb returns once they have settled.
type AfterCommit = () => void | Promise<void>;
const afterCommit = new WeakMap<object, AfterCommit[]>();

/** Runs `fn` in one transaction: the caller's (as a savepoint) or a new one. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (ctx.tx) {
    const outer = afterCommit.get(ctx.tx);
    return ctx.tx.transaction((tx) => {
      if (outer) afterCommit.set(tx, outer);
      return fn(tx as unknown as Db);
    });
  }
  const callbacks: AfterCommit[] = [];
  const result = await (await getDb()).transaction((tx) => {
    afterCommit.set(tx, callbacks);
    return fn(tx as unknown as Db);
  });
  // The write is committed: a callback that fails (a cache or an edge out of reach) is logged and
  // must never make the verb look failed to its caller.
  for (const outcome of await Promise.allSettled(callbacks.map(async (callback) => callback()))) {
    if (outcome.status === "rejected") console.error("[copydesk] after-commit step failed:", outcome.reason);
  }
  return result;
}

/**
 * Runs `callback` after the transaction `tx` commits (never if it rolls back). Inside a
 * transaction the caller opened itself (tests, scripts) there is no commit to wait for here,
 * and the callback is dropped.
 */
export function onCommit(tx: Db, callback: AfterCommit): void {
  afterCommit.get(tx)?.push(callback);
}

export async function executor(ctx?: { tx?: Db }): Promise<Db> {
  return ctx?.tx ?? getDb();
}

/** Whether `db` is a transaction (one connection, one query at a time) rather than the pool. */
export function isTransaction(db: Db): boolean {
  return is(db, PgTransaction);
}

/**
 * Runs independent reads on `db`, results in order. On the pool they go side by side, each on a
 * connection of its own. A transaction is one connection, which answers one query at a time:
 * node-postgres queues a second one sent meanwhile and warns that pg@9 will refuse it, so there
 * they go one after another.
 */
export async function readTogether<T>(db: Db, reads: (() => Promise<T>)[]): Promise<T[]> {
  if (!isTransaction(db)) return Promise.all(reads.map((read) => read()));
  const results: T[] = [];
  for (const read of reads) results.push(await read());
  return results;
}

/** zod → `Invalid` with one message list per field, for the form to show beside each input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) {
    const field = unstorableField(result.data);
    if (field) throw new Invalid({ [field]: ["validation.invalidCharacters"] });
    return result.data;
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    // Our schemas carry message keys; zod's own English defaults (say, for an unexpected
    // field type) become a generic, translatable "not valid".
    const message = /^(validation|errors)\.[A-Za-z.]+$/.test(issue.message) ? issue.message : "validation.invalidValue";
    (fieldErrors[key] ??= []).push(message);
  }
  throw new Invalid(fieldErrors);
}

/**
 * Text from a URL, a search box or a sign-in form, for use as a query parameter. PostgreSQL
 * refuses NUL in text (a driver error, i.e. a 500 for `/search?q=%00`), and no stored text
 * contains one, so it is dropped: the lookup simply finds what the rest of the text finds.
 */
export function queryText(value: string): string {
  return value.replace(/\u0000/g, "");
}

/** Whether a value from a URL can be a slug at all; anything else is not looked up. */
export function isSlug(value: string): boolean {
  return SLUG_PATTERN.test(value);
}

/** Postgres unique violation (SQLSTATE 23505), whichever driver raised it. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === "object"; i++) {
    const { code, constraint: name } = e as { code?: string; constraint?: string };
    if (code === "23505") return !constraint || name === constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Text PostgreSQL refuses (NUL), or that is not Unicode at all (half of a surrogate pair, e.g. an
 * emoji cut in two). Either would fail as a driver error deep inside a write — or, in text
 * columns, be silently replaced — so it is refused up front, naming the field it came in.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function unstorableField(data: unknown): string | null {
  if (typeof data !== "object" || data === null) return containsUnstorable(data) ? "form" : null;
  for (const [key, value] of Object.entries(data)) if (containsUnstorable(value)) return key;
  return null;
}

/** Walks strings in plain objects and arrays without recursion: bodies can be deep. */
function containsUnstorable(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      for (const [key, item] of Object.entries(v)) {
        if (UNSTORABLE.test(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
