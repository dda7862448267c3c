import "server-only";
// The one way a desk action runs (every app/(desk)/**/actions.ts): who is asking → the data verb
// → an ActionResult in the person's language. Rules, validation and the audit row live in the
// verbs; this resolves the viewer, translates typed errors (lib/errors.ts) and, for forms,
// refreshes the desk page that lists what changed. A small function of our own rather than
// next-safe-action: the verbs already validate with zod and throw typed errors, so a client
// library would add a second schema layer and its own result shape for nothing.
import { revalidatePath } from "next/cache";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/app/auth";
import { toFailure, type ActionResult, type Translate } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";

export type DeskActionContext = { viewer: Viewer; t: Translate };

type Options<T> = {
  /** The desk page whose server-rendered list shows the change (the editor's actions refresh nothing: see below). */
  revalidate?: string;
  /** The sentence the form shows after it worked. */
  done?: (data: T, t: Translate) => string;
  /** A form with no field to put a message beside says the first field's message instead. */
  firstFieldErrorAsMessage?: boolean;
  /** Replaces the message of a failure with this code (a form whose context words it better). */
  messages?: Partial<Record<Extract<ActionResult, { ok: false }>["code"], string>>;
};

/**
 * Runs `verb` for the signed-in person. `name` names the verb in the server log when something
 * unexpected fails. What `verb` returns is sent to the browser: return only what the client needs.
 */
export async function deskAction<T>(name: string, verb: (ctx: DeskActionContext) => Promise<T>, options: Options<T> = {}): Promise<ActionResult<T>> {
  let viewer: Viewer | null;
  try {
    viewer = await getViewer();
  } catch (error) {
    // Reading who is asking needs the database too: an outage answers here, as a result the
    // desk can act on (keep the text, retry), not as a thrown action error.
    return toFailure(error, name, await serverTranslator());
  }
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  try {
    const data = await verb({ viewer, t });
    // Only desk lists: the editor's actions never revalidate, since a re-render would remount
    // the editor the person is typing in; reader pages are rendered per request and cached by tag.
    if (options.revalidate) revalidatePath(options.revalidate);
    return { ok: true, data, ...(options.done ? { message: options.done(data, t) } : {}) } as ActionResult<T>;
  } catch (error) {
    const failure = toFailure(error, name, t);
    const replaced = options.messages?.[failure.code];
    if (replaced) return { ...failure, message: t(replaced) };
    const first = options.firstFieldErrorAsMessage && failure.fieldErrors ? Object.values(failure.fieldErrors).flat()[0] : undefined;
    return first ? { ...failure, message: first } : failure;
  }
}
