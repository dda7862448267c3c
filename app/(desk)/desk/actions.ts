"use server";
// Thin server actions: who is asking → the data verb → a result the desk can show, in the
// person's language (deskAction). Every rule lives in the verbs; these only translate.
import { createArticle } from "@/db/articles/create";
import { publishArticle } from "@/db/articles/publish";
import { findLinkableArticles, getArticleForEdit, suggestTags } from "@/db/articles/queries";
import { bodyText, parseBody } from "@/lib/content/body";
import { toEditorArticle } from "@/lib/editor/article";
import { requestChanges } from "@/db/articles/request-changes";
import { saveArticle } from "@/db/articles/save";
import { addArticleNote, listArticleNotes, type AddNoteInput } from "@/db/articles/notes";
import { cancelSchedule } from "@/db/articles/cancel-schedule";
import { scheduleArticle } from "@/db/articles/schedule";
import type { CreateArticleInput, PublishInput, RequestChangesInput, SaveArticleInput, ScheduleInput, WorkflowInput } from "@/db/articles/schemas";
import { unpublishArticle } from "@/db/articles/unpublish";
import { markAllRead } from "@/db/notifications/mark-all-read";
import { submitArticle } from "@/db/articles/submit";
import { withdrawArticle } from "@/db/articles/withdraw";
import { setOwnLocale } from "@/db/users/set-locale";
import type { SetLocaleInput } from "@/db/users/schemas";
import { NotFound } from "@/lib/errors";
import { deskAction } from "../desk-action";

// Inputs arrive from the network as `unknown` whatever their declared type; each verb validates them with zod.
export async function createArticleAction(input: CreateArticleInput) {
  return deskAction("createArticle", ({ viewer }) => createArticle({ ctx: { viewer }, input }));
}

export async function saveArticleAction(input: SaveArticleInput) {
  return deskAction("saveArticle", ({ viewer }) => saveArticle({ ctx: { viewer }, input }));
}

export async function submitArticleAction(input: WorkflowInput) {
  return deskAction("submitArticle", ({ viewer }) => submitArticle({ ctx: { viewer }, input }));
}

export async function requestChangesAction(input: RequestChangesInput) {
  return deskAction("requestChanges", ({ viewer }) => requestChanges({ ctx: { viewer }, input }));
}

export async function publishArticleAction(input: PublishInput) {
  return deskAction("publishArticle", ({ viewer }) => publishArticle({ ctx: { viewer }, input }));
}

export async function withdrawArticleAction(input: WorkflowInput) {
  return deskAction("withdrawArticle", ({ viewer }) => withdrawArticle({ ctx: { viewer }, input }));
}

export async function setLocaleAction(input: SetLocaleInput) {
  return deskAction("setOwnLocale", ({ viewer }) => setOwnLocale({ ctx: { viewer }, input }));
}

// Reads for the editor. Signed-in people only; the article itself is readable by the whole newsroom.
export async function loadArticleAction(id: number) {
  return deskAction("loadArticle", async () => {
    const article = typeof id === "number" && Number.isInteger(id) && id > 0 ? await getArticleForEdit(id) : null;
    if (!article) throw new NotFound("errors.articleNotFound");
    // Their text as plain words, for the conflict dialog's comparison.
    return { ...toEditorArticle(article), text: bodyText(parseBody(article.body)) };
  });
}

export async function findArticlesAction(q: string) {
  return deskAction("findArticles", async () => ({ items: await findLinkableArticles(typeof q === "string" ? q : "") }));
}

export async function suggestTagsAction(q: string) {
  return deskAction("suggestTags", async () => ({ names: await suggestTags(typeof q === "string" ? q : "") }));
}

export async function scheduleArticleAction(input: ScheduleInput) {
  return deskAction("scheduleArticle", ({ viewer }) => scheduleArticle({ ctx: { viewer }, input }));
}

export async function cancelScheduleAction(input: WorkflowInput) {
  return deskAction("cancelSchedule", ({ viewer }) => cancelSchedule({ ctx: { viewer }, input }));
}

export async function unpublishArticleAction(input: WorkflowInput) {
  return deskAction("unpublishArticle", ({ viewer }) => unpublishArticle({ ctx: { viewer }, input }));
}

export async function addNoteAction(input: AddNoteInput) {
  return deskAction("addArticleNote", async ({ viewer }) => {
    await addArticleNote({ ctx: { viewer }, input });
    return { notes: await listArticleNotes(Number(input.articleId)) };
  });
}

export async function markNotificationsReadAction() {
  return deskAction("markNotificationsRead", async ({ viewer }) => {
    await markAllRead({ ctx: { viewer } });
    return {};
  });
}
