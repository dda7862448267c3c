// Typed errors that cross from the data layer to the UI. Anything else is a bug or a
// driver failure: it is logged once and the person sees a generic message.
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "invalid" | "unavailable",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends AppError {
  constructor(message = "That item does not exist (any more).") {
    super("not_found", message);
  }
}

export class Forbidden extends AppError {
  constructor(message = "You are not allowed to do that.") {
    super("forbidden", message);
  }
}

/** Someone else saved in between: the caller's version is stale. */
export class Conflict extends AppError {
  constructor(
    message = "Someone else saved this article in the meantime.",
    readonly currentVersion?: number,
  ) {
    super("conflict", message);
  }
}

export class Invalid extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Please correct the highlighted fields.",
  ) {
    super("invalid", message);
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

/** Turns any thrown value into something safe to show. Unknown errors are logged, never echoed. */
export function toFailure(error: unknown, context: string): Extract<ActionResult, { ok: false }> {
  if (error instanceof Invalid) {
    return { ok: false, code: "invalid", message: error.message, fieldErrors: error.fieldErrors };
  }
  if (error instanceof Conflict) {
    return { ok: false, code: "conflict", message: error.message, currentVersion: error.currentVersion };
  }
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message };
  }
  console.error(`[copydesk] ${context} failed:`, error);
  return {
    ok: false,
    code: "unavailable",
    message: "Something went wrong on our side. Your text is still here; please try again in a moment.",
  };
}
