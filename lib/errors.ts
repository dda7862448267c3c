// Typed errors that cross from the data layer to the UI. Their messages are keys into the
// message catalogues (messages/*.json), translated for the person who sees them. Anything
// else is a bug or a driver failure: it is logged once and the person sees a generic message.
export type FieldErrors = Record<string, string[]>;
export type MessageParams = Record<string, string | number>;

export class AppError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "invalid" | "unavailable",
    message: string,
    readonly params?: MessageParams,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = "errors.notFound") {
    super("not_found", message);
  }
}

export class Forbidden extends AppError {
  constructor(message = "errors.forbidden") {
    super("forbidden", message);
  }
}

/** Someone else saved in between: the caller's version is stale. */
export class Conflict extends AppError {
  constructor(
    message = "errors.conflict",
    readonly currentVersion?: number,
  ) {
    super("conflict", message);
  }
}

export class Invalid extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "errors.invalid",
    params?: MessageParams,
  ) {
    super("invalid", message, params);
  }
}

/**
 * The one outcome of every desk action (app/(desk)/desk-action.ts), as the form or the editor
 * shows it: the data the client needs and, for forms, the sentence to say; or what went wrong,
 * in the person's language, with the messages to put beside each field.
 */
export type ActionResult<T = undefined> =
  | ({ ok: true; message?: string; fieldErrors?: undefined } & (T extends undefined ? { data?: undefined } : { data: T }))
  | {
      ok: false;
      /** database_unavailable: nothing was done; the same request may succeed once the database is back. */
      code: AppError["code"] | "unauthenticated" | "database_unavailable";
      message: string;
      fieldErrors?: FieldErrors;
      currentVersion?: number;
    };

/** A form's state under `useActionState`: nothing yet (null), then the last action's outcome. */
export type FormState<T = undefined> = ActionResult<T> | null;

/** Looks a message key up in the person's language; params that are keys are translated too. */
export type Translate = (key: string, params?: MessageParams) => string;

// Node's socket errors and PostgreSQL's SQLSTATEs that mean "the database cannot be reached
// now" (class 08 connection exceptions; 57P01–57P03 shutting down or starting up; 53300 too
// many connections), as opposed to a query that is wrong.
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "53300"]);
// node-postgres's own words when a connection drops or the pool cannot get one.
const UNREACHABLE_MESSAGES = /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Client was closed and is not queryable|Connection ended unexpectedly)/;

/** True when `error` (or what it wraps: drizzle puts the driver's error in `cause`) says the database is out of reach. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true; // a refused connection over IPv4 and IPv6
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNREACHABLE_CODES.has(code) || code.startsWith("08"))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && UNREACHABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** Turns any thrown value into something safe to show. Unknown errors are logged, never echoed. */
export function toFailure(error: unknown, context: string, t: Translate): Extract<ActionResult, { ok: false }> {
  if (isDatabaseUnavailable(error)) {
    // Expected during an outage and repeated by every retry: one line, no stack.
    console.error(`[copydesk] ${context}: database unavailable (${describeUnreachable(error)})`);
    return { ok: false, code: "database_unavailable", message: t("errors.databaseUnavailable") };
  }
  if (error instanceof Invalid) {
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((key) => t(key))]),
    );
    return { ok: false, code: "invalid", message: t(error.message, error.params), fieldErrors };
  }
  if (error instanceof Conflict) {
    return { ok: false, code: "conflict", message: t(error.message), currentVersion: error.currentVersion };
  }
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: t(error.message, error.params) };
  }
  console.error(`[copydesk] ${context} failed:`, error);
  return { ok: false, code: "unavailable", message: t("errors.generic") };
}

function describeUnreachable(error: unknown): string {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return error instanceof Error ? error.message.slice(0, 80) : "unknown";
}
