import "server-only";
import { z } from "zod";
import { Invalid } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import { getDb, type Db } from "./client";

/** Who is acting, and (in tests or nested verbs) the transaction to act in. */
export type Ctx = { viewer: Viewer | null; tx?: Db };
export type VerbArgs<I> = { ctx: Ctx; input: I };

/** The actor for command-line scripts (first admin, seed). Never reaches a web request. */
export const SYSTEM_VIEWER: Viewer = { id: 0, role: "admin", name: "Copydesk" };

// What to do once a transaction has committed, per transaction (savepoints share their
// outer transaction's list).
const afterCommit = new WeakMap<object, (() => void)[]>();

/** Runs `fn` in one transaction: the caller's (as a savepoint) or a new one. */
export async function withTransaction<T>(ctx: Ctx, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (ctx.tx) {
    const outer = afterCommit.get(ctx.tx);
    return ctx.tx.transaction((tx) => {
      if (outer) afterCommit.set(tx, outer);
      return fn(tx as unknown as Db);
    });
  }
  const callbacks: (() => void)[] = [];
  const result = await (await getDb()).transaction((tx) => {
    afterCommit.set(tx, callbacks);
    return fn(tx as unknown as Db);
  });
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Runs `callback` after the transaction `tx` commits (never if it rolls back). Inside a
 * transaction the caller opened itself (tests, scripts) there is no commit to wait for here,
 * and the callback is dropped.
 */
export function onCommit(tx: Db, callback: () => void): void {
  afterCommit.get(tx)?.push(callback);
}

export async function executor(ctx?: { tx?: Db }): Promise<Db> {
  return ctx?.tx ?? getDb();
}

/** zod → `Invalid` with one message list per field, for the form to show beside each input. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
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
