"use server";
// Thin: who is asking → updateSitePage (admins only, checked there) → a sentence for the form.
import { updateSitePage } from "@/db/site-pages/update";
import type { FormState } from "@/lib/errors";
import { deskAction } from "../../desk-action";

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function updateSitePageAction(_state: FormState, form: FormData) {
  return deskAction(
    "updateSitePage",
    async ({ viewer }) => {
      await updateSitePage({ ctx: { viewer }, input: { slug: text(form, "slug") as "impressum", title: text(form, "title"), body: text(form, "body") } });
      return undefined;
    },
    { revalidate: "/desk/site-pages", done: (_saved, t) => t("sitePages.saved") },
  );
}
