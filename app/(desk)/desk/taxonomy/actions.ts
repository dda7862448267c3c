"use server";
// Thin: who is asking → the taxonomy verb → a result the form can show, in the person's
// language. The verbs check `taxonomy.manage`, validate and write; nothing is decided here.
import { moveSection } from "@/db/sections/move";
import { renameSection } from "@/db/sections/rename";
import { createSection } from "@/db/sections/create";
import { createTag } from "@/db/tags/create";
import { deleteTag } from "@/db/tags/delete";
import { mergeTags } from "@/db/tags/merge";
import { renameTag } from "@/db/tags/rename";
import type { FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : ""; // the verb's zod schema says what is missing
};

// The page lists what just changed; reader pages are rendered per request anyway.
const revalidate = "/desk/taxonomy";

/** What a taxonomy form gets back: the name it speaks of (tag or section), for its sentence. */
type Named = { name: string };
type State = FormState<Named>;

export async function createTagAction(_state: State, form: FormData) {
  return deskAction(
    "createTag",
    async ({ viewer }) => ({ name: (await createTag({ ctx: { viewer }, input: { name: text(form, "name") } })).name }),
    { revalidate, done: ({ name }, t) => t("taxonomy.tagCreated", { name }) },
  );
}

export async function renameTagAction(_state: State, form: FormData) {
  return deskAction(
    "renameTag",
    async ({ viewer }) => ({ name: (await renameTag({ ctx: { viewer }, input: { id: text(form, "id"), name: text(form, "name") } })).name }),
    { revalidate, done: ({ name }, t) => t("taxonomy.renamed", { name }) },
  );
}

export async function mergeTagsAction(_state: State, form: FormData) {
  return deskAction(
    "mergeTags",
    async ({ viewer }) => ({ name: (await mergeTags({ ctx: { viewer }, input: { sourceId: text(form, "id"), targetId: text(form, "targetId") } })).target.name }),
    { revalidate, done: ({ name }, t) => t("taxonomy.merged", { name }) },
  );
}

export async function deleteTagAction(_state: State, form: FormData) {
  return deskAction(
    "deleteTag",
    async ({ viewer }) => {
      await deleteTag({ ctx: { viewer }, input: { id: text(form, "id") } });
      return { name: "" };
    },
    { revalidate, done: (_deleted, t) => t("taxonomy.deleted") },
  );
}

export async function createSectionAction(_state: State, form: FormData) {
  return deskAction(
    "createSection",
    async ({ viewer }) => ({ name: (await createSection({ ctx: { viewer }, input: { name: text(form, "name") } })).name }),
    { revalidate, done: ({ name }, t) => t("taxonomy.sectionCreated", { name }) },
  );
}

export async function renameSectionAction(_state: State, form: FormData) {
  return deskAction(
    "renameSection",
    async ({ viewer }) => ({ name: (await renameSection({ ctx: { viewer }, input: { id: text(form, "id"), name: text(form, "name") } })).name }),
    { revalidate, done: ({ name }, t) => t("taxonomy.renamed", { name }) },
  );
}

export async function moveSectionAction(_state: State, form: FormData) {
  return deskAction(
    "moveSection",
    async ({ viewer }) => {
      await moveSection({ ctx: { viewer }, input: { id: text(form, "id"), direction: text(form, "direction") as "up" | "down" } });
      return { name: "" };
    },
    { revalidate, done: (_moved, t) => t("taxonomy.moved") },
  );
}
