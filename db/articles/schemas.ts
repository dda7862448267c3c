import { z } from "zod";
import { articleLanguage } from "../schema";

const id = z.coerce.number("Unknown article.").int("Unknown article.").positive("Unknown article.").max(2147483647);
const version = z.coerce.number("The editor lost track of the version; reload.").int().min(1).max(2147483647);

/** The body is checked against the TipTap schema by `parseBody`; here only its size. */
const body = z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 2_000_000, {
  message: "The article text is too long to save (over 2 MB).",
});

export const ArticleFields = z.object({
  headline: z
    .string("Give the article a headline.")
    .trim()
    .min(1, "Give the article a headline.")
    .max(200, "Keep the headline under 200 characters."),
  standfirst: z.string().trim().max(600, "Keep the standfirst under 600 characters.").default(""),
  sectionId: z.coerce.number("Choose a section.").int("Choose a section.").positive("Choose a section."),
  language: z.enum(articleLanguage.enumValues, "Choose German or English."),
  body,
});

export const CreateArticleInput = ArticleFields;
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

const TagNames = z
  .array(z.string().trim().min(1, "A tag cannot be empty.").max(60, "Keep each tag under 60 characters."))
  .max(30, "Use at most 30 tags.");

const RelatedLink = z.union([
  z.object({ articleId: id, title: z.string().trim().min(1, "Give the link a title.").max(200) }),
  z.object({
    url: z.url({ protocol: /^https?$/, error: "Related links must be http:// or https:// addresses." }).max(2048),
    title: z.string().trim().min(1, "Give the link a title.").max(200),
  }),
]);

export const SaveArticleInput = ArticleFields.extend({
  id,
  version,
  autosave: z.boolean().default(false),
  /** Omitted: tags stay as they are. */
  tags: TagNames.optional(),
  related: z.array(RelatedLink).max(20, "Use at most 20 related links.").optional(),
});
export type SaveArticleInput = z.input<typeof SaveArticleInput>;

export const WorkflowInput = z.object({
  id,
  version,
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
});
export type WorkflowInput = z.input<typeof WorkflowInput>;

export const RequestChangesInput = WorkflowInput.extend({
  note: z
    .string("Say what needs to change.")
    .trim()
    .min(1, "Say what needs to change.")
    .max(2000, "Keep the note under 2,000 characters."),
});
export type RequestChangesInput = z.input<typeof RequestChangesInput>;
