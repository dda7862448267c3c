"use server";
// Thin server actions: who is asking → the data verb → a result the desk can show, in the
// person's language. Every rule lives in the verbs; these only translate.
import { createArticle } from "@/db/articles/create";
import { publishArticle } from "@/db/articles/publish";
import { findLinkableArticles, getArticleForEdit, suggestTags } from "@/db/articles/queries";
import { bodyText, parseBody } from "@/lib/content/body";
import { toEditorArticle } from "@/lib/editor/article";
import { requestChanges } from "@/db/articles/request-changes";
import { saveArticle } from "@/db/articles/save";
import { addArticleNote, listArticleNotes, type AddNoteInput } from "@/db/articles/notes";
import { cancelSchedule, scheduleArticle } from "@/db/articles/schedule";
import type { CreateArticleInput, PublishInput, RequestChangesInput, SaveArticleInput, ScheduleInput, WorkflowInput } from "@/db/articles/schemas";
import { unpublishArticle } from "@/db/articles/unpublish";
import { markAllRead } from "@/db/notifications/queries";
import { submitArticle } from "@/db/articles/submit";
import { withdrawArticle } from "@/db/articles/withdraw";
import type { Ctx } from "@/db/context";
import { setOwnLocale } from "@/db/users/set-locale";
import type { SetLocaleInput } from "@/db/users/schemas";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import { NotFound, toFailure, type ActionResult } from "@/lib/errors";

async function run<T extends object>(name: string, verb: (ctx: Ctx) => Promise<T>): Promise<ActionResult<T>> {
  let viewer;
  try {
    viewer = await getViewer();
  } catch (error) {
    // Reading who is asking needs the database too: an outage answers here, as a result the
    // editor can act on (keep the text, retry), not as a thrown action error.
    return toFailure(error, name, await serverTranslator());
  }
  if (!viewer) {
    const t = await serverTranslator();
    return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
  }
  try {
    // No revalidatePath here: desk and reader pages are rendered per request, and a
    // revalidation would make Next re-render (and, after a new article's first save, remount)
    // the editor the person is typing in.
    const data = await verb({ viewer });
    return { ok: true, data } as ActionResult<T>;
  } catch (error) {
    return toFailure(error, name, await serverTranslator(viewer.locale));
  }
}

// Inputs arrive from the network as `unknown` whatever their declared type; each verb validates them with zod.
export async function createArticleAction(input: CreateArticleInput) {
  return run("createArticle", (ctx) => createArticle({ ctx, input }));
}

export async function saveArticleAction(input: SaveArticleInput) {
  return run("saveArticle", (ctx) => saveArticle({ ctx, input }));
}

export async function submitArticleAction(input: WorkflowInput) {
  return run("submitArticle", (ctx) => submitArticle({ ctx, input }));
}

export async function requestChangesAction(input: RequestChangesInput) {
  return run("requestChanges", (ctx) => requestChanges({ ctx, input }));
}

export async function publishArticleAction(input: PublishInput) {
  return run("publishArticle", (ctx) => publishArticle({ ctx, input }));
}

export async function withdrawArticleAction(input: WorkflowInput) {
  return run("withdrawArticle", (ctx) => withdrawArticle({ ctx, input }));
}

export async function setLocaleAction(input: SetLocaleInput) {
  return run("setOwnLocale", (ctx) => setOwnLocale({ ctx, input }));
}

// Reads for the editor. Signed-in people only; the article itself is readable by the whole newsroom.
export async function loadArticleAction(id: number) {
  return run("loadArticle", async () => {
    const article = typeof id === "number" && Number.isInteger(id) && id > 0 ? await getArticleForEdit(id) : null;
    if (!article) throw new NotFound("errors.articleNotFound");
    // Their text as plain words, for the conflict dialog's comparison.
    return { ...toEditorArticle(article), text: bodyText(parseBody(article.body)) };
  });
}

export async function findArticlesAction(q: string) {
  return run("findArticles", async () => ({ items: await findLinkableArticles(typeof q === "string" ? q : "") }));
}

export async function suggestTagsAction(q: string) {
  return run("suggestTags", async () => ({ names: await suggestTags(typeof q === "string" ? q : "") }));
}

export async function scheduleArticleAction(input: ScheduleInput) {
  return run("scheduleArticle", (ctx) => scheduleArticle({ ctx, input }));
}

export async function cancelScheduleAction(input: WorkflowInput) {
  return run("cancelSchedule", (ctx) => cancelSchedule({ ctx, input }));
}

export async function unpublishArticleAction(input: WorkflowInput) {
  return run("unpublishArticle", (ctx) => unpublishArticle({ ctx, input }));
}

export async function addNoteAction(input: AddNoteInput) {
  return run("addArticleNote", async (ctx) => {
    await addArticleNote({ ctx, input });
    return { notes: await listArticleNotes(Number(input.articleId)) };
  });
}

export async function markNotificationsReadAction() {
  return run("markNotificationsRead", async (ctx) => {
    await markAllRead(ctx);
    return {};
  });
}
