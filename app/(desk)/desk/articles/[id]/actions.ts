"use server";
// Thin: who is asking → a live-blog verb → a result the panel shows, in the person's language.
import { createLiveEntry } from "@/db/live/create-entry";
import { deleteLiveEntry } from "@/db/live/delete-entry";
import { publishLiveEntry } from "@/db/live/publish-entry";
import { setLiveEntryFlags } from "@/db/live/set-entry-flags";
import { setLiveBlog } from "@/db/live/set-live";
import { setLivePublishers } from "@/db/live/set-publishers";
import { updateLiveEntry } from "@/db/live/update-entry";
import type { SetLiveBlogInput } from "@/db/live/schemas";
import { Invalid, type FormState } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import { deskAction } from "../../../desk-action";

/** What the live-blog panel's forms get back: the key of the sentence they show, if any. */
type State = FormState<string | undefined>;

function run(name: string, form: FormData, verb: (viewer: Viewer) => Promise<string | void>) {
  return deskAction(name, async ({ viewer }) => (await verb(viewer)) || undefined, {
    // The panel lists the entries as the server renders them.
    revalidate: `/desk/articles/${String(form.get("articleId") ?? "")}`,
    done: (key, t) => (key ? t(key) : ""),
    // The panel's forms have no field to put a message beside: the first one is the message.
    firstFieldErrorAsMessage: true,
  });
}

/** The editor's JSON comes as text in a hidden field; anything unreadable is the body's problem. */
function bodyOf(form: FormData): unknown {
  try {
    return JSON.parse(String(form.get("body") ?? ""));
  } catch {
    throw new Invalid({ body: ["validation.bodyUnreadable"] });
  }
}

export async function setLiveBlogAction(_s: State, form: FormData) {
  return run("setLiveBlog", form, async (viewer) => {
    await setLiveBlog({ ctx: { viewer }, input: { articleId: form.get("articleId"), state: form.get("state") } as SetLiveBlogInput });
  });
}

export async function setLivePublishersAction(_s: State, form: FormData) {
  return run("setLivePublishers", form, async (viewer) => {
    await setLivePublishers({ ctx: { viewer }, input: { articleId: form.get("articleId") as string, userIds: form.getAll("userIds") as string[] } });
    return "live.publishersSaved";
  });
}

/** A new entry: kept as a draft, or (the "publish" button) published at once by whoever may. */
export async function createLiveEntryAction(_s: State, form: FormData) {
  return run("createLiveEntry", form, async (viewer) => {
    const entry = await createLiveEntry({ ctx: { viewer }, input: { articleId: form.get("articleId") as string, title: String(form.get("title") ?? ""), body: bodyOf(form) } });
    if (form.get("intent") !== "publish") return "live.draftSaved";
    await publishLiveEntry({ ctx: { viewer }, input: entry });
    return "live.entryPublished";
  });
}

export async function updateLiveEntryAction(_s: State, form: FormData) {
  return run("updateLiveEntry", form, async (viewer) => {
    await updateLiveEntry({ ctx: { viewer }, input: { id: form.get("id") as string, version: form.get("version") as string, title: String(form.get("title") ?? ""), body: bodyOf(form) } });
    return "live.entrySaved";
  });
}

export async function publishLiveEntryAction(_s: State, form: FormData) {
  return run("publishLiveEntry", form, async (viewer) => {
    await publishLiveEntry({ ctx: { viewer }, input: { id: form.get("id") as string, version: form.get("version") as string } });
    return "live.entryPublished";
  });
}

export async function setLiveEntryFlagsAction(_s: State, form: FormData) {
  return run("setLiveEntryFlags", form, async (viewer) => {
    const flag = form.get("flag") === "keyEvent" ? "keyEvent" : "pinned";
    await setLiveEntryFlags({ ctx: { viewer }, input: { id: form.get("id") as string, [flag]: form.get("value") === "true" } });
  });
}

export async function deleteLiveEntryAction(_s: State, form: FormData) {
  return run("deleteLiveEntry", form, async (viewer) => {
    await deleteLiveEntry({ ctx: { viewer }, input: { id: form.get("id") as string, reason: String(form.get("reason") ?? "") } });
    return "live.entryDeleted";
  });
}
