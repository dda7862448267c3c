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

export type ActionResult<T = undefined> =
  | ({ ok: true } & (T extends undefined ? { data?: undefined } : { data: T }))
  | {
      ok: false;
      code: AppError["code"] | "unauthenticated";
      message: string;
      fieldErrors?: FieldErrors;
      currentVersion?: number;
    };

/** Looks a message key up in the person's language; params that are keys are translated too. */
export type Translate = (key: string, params?: MessageParams) => string;

/** Turns any thrown value into something safe to show. Unknown errors are logged, never echoed. */
export function toFailure(error: unknown, context: string, t: Translate): Extract<ActionResult, { ok: false }> {
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
