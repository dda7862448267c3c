"use server";
// Thin: who is asking → the front verb → a sentence for the slot's form. The verbs check
// `front.arrange`, validate and expire the readers' copies of the page.
import { clearSlot } from "@/db/front/clear";
import { placeArticle } from "@/db/front/place";
import type { FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

type State = FormState<{ slot: string }>;
const slotOf = (form: FormData) => text(form, "slotName") || text(form, "slot");
// The desk's preview of the front shows the change.
const revalidate = "/desk/front";

export async function placeArticleAction(_state: State, form: FormData) {
  return deskAction(
    "placeArticle",
    async ({ viewer }) => {
      await placeArticle({ ctx: { viewer }, input: { front: text(form, "front"), slot: text(form, "slot"), article: text(form, "article") } });
      return { slot: slotOf(form) };
    },
    { revalidate, done: ({ slot }, t) => t("front.placedDone", { slot }) },
  );
}

export async function clearSlotAction(_state: State, form: FormData) {
  return deskAction(
    "clearSlot",
    async ({ viewer }) => {
      await clearSlot({ ctx: { viewer }, input: { front: text(form, "front"), slot: text(form, "slot") } });
      return { slot: slotOf(form) };
    },
    { revalidate, done: ({ slot }, t) => t("front.clearedDone", { slot }) },
  );
}
