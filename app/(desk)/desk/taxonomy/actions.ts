"use server";
// Thin: who is asking → the taxonomy verb → a result the form can show, in the person's
// language. The verbs check `taxonomy.manage`, validate and write; nothing is decided here.
import { revalidatePath } from "next/cache";
import { moveSection, renameSection } from "@/db/sections/manage";
import { createSection } from "@/db/sections/create";
import { createTag, deleteTag, mergeTags, renameTag } from "@/db/tags/manage";
import { serverTranslator } from "@/i18n/translate";
import { getViewer } from "@/lib/auth";
import { toFailure, type Translate } from "@/lib/errors";
import type { Viewer } from "@/lib/permissions";
import type { TaxonomyFormState } from "@/components/desk/TaxonomyForm";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : ""; // the verb's zod schema says what is missing
};

async function run<T>(name: string, verb: (viewer: Viewer) => Promise<T>, done: (result: T, t: Translate) => string): Promise<TaxonomyFormState> {
  const viewer = await getViewer();
  const t = await serverTranslator(viewer?.locale);
  if (!viewer) return { ok: false, message: t("errors.unauthenticated") };
  try {
    const result = await verb(viewer);
    // The page lists what just changed; reader pages are rendered per request anyway.
    revalidatePath("/desk/taxonomy");
    return { ok: true, message: done(result, t) };
  } catch (error) {
    const failure = toFailure(error, name, t);
    return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors };
  }
}

export async function createTagAction(_state: TaxonomyFormState, form: FormData) {
  return run("createTag", (viewer) => createTag({ ctx: { viewer }, input: { name: text(form, "name") } }), (tag, t) => t("taxonomy.tagCreated", { name: tag.name }));
}

export async function renameTagAction(_state: TaxonomyFormState, form: FormData) {
  return run(
    "renameTag",
    (viewer) => renameTag({ ctx: { viewer }, input: { id: text(form, "id"), name: text(form, "name") } }),
    (tag, t) => t("taxonomy.renamed", { name: tag.name }),
  );
}

export async function mergeTagsAction(_state: TaxonomyFormState, form: FormData) {
  return run(
    "mergeTags",
    (viewer) => mergeTags({ ctx: { viewer }, input: { sourceId: text(form, "id"), targetId: text(form, "targetId") } }),
    (result, t) => t("taxonomy.merged", { name: result.target.name }),
  );
}

export async function deleteTagAction(_state: TaxonomyFormState, form: FormData) {
  return run("deleteTag", (viewer) => deleteTag({ ctx: { viewer }, input: { id: text(form, "id") } }), (_result, t) => t("taxonomy.deleted"));
}

export async function createSectionAction(_state: TaxonomyFormState, form: FormData) {
  return run(
    "createSection",
    (viewer) => createSection({ ctx: { viewer }, input: { name: text(form, "name") } }),
    (section, t) => t("taxonomy.sectionCreated", { name: section.name }),
  );
}

export async function renameSectionAction(_state: TaxonomyFormState, form: FormData) {
  return run(
    "renameSection",
    (viewer) => renameSection({ ctx: { viewer }, input: { id: text(form, "id"), name: text(form, "name") } }),
    (section, t) => t("taxonomy.renamed", { name: section.name }),
  );
}

export async function moveSectionAction(_state: TaxonomyFormState, form: FormData) {
  return run(
    "moveSection",
    (viewer) => moveSection({ ctx: { viewer }, input: { id: text(form, "id"), direction: text(form, "direction") as "up" | "down" } }),
    (_result, t) => t("taxonomy.moved"),
  );
}
