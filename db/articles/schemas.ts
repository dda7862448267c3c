import { z } from "zod";
import { articleLanguage } from "../schema";

const id = z.coerce.number("validation.idInvalid").int("validation.idInvalid").positive("validation.idInvalid").max(2147483647, "validation.idInvalid");
const version = z.coerce.number("validation.versionInvalid").int("validation.versionInvalid").min(1, "validation.versionInvalid").max(2147483647, "validation.versionInvalid");

/** The body is checked against the TipTap schema by `parseBody`; here only its size. */
const body = z.unknown().refine((value) => JSON.stringify(value ?? null).length <= 2_000_000, {
  message: "validation.bodyTooLong",
});

export const ArticleFields = z.object({
  headline: z
    .string("validation.headlineRequired")
    .trim()
    .min(1, "validation.headlineRequired")
    .max(200, "validation.headlineTooLong"),
  standfirst: z.string("validation.invalidValue").trim().max(600, "validation.standfirstTooLong").default(""),
  sectionId: z.coerce.number("validation.sectionRequired").int("validation.sectionRequired").positive("validation.sectionRequired").max(2147483647, "validation.sectionUnknown"),
  language: z.enum(articleLanguage.enumValues, "validation.languageInvalid"),
  body,
});

export const CreateArticleInput = ArticleFields;
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

const TagNames = z
  .array(z.string("validation.tagEmpty").trim().min(1, "validation.tagEmpty").max(60, "validation.tagTooLong"), "validation.invalidValue")
  .max(30, "validation.tooManyTags");

const RelatedLink = z.union([
  z.object({ articleId: id, title: z.string("validation.relatedTitleRequired").trim().min(1, "validation.relatedTitleRequired").max(200, "validation.relatedTitleRequired") }),
  z.object({
    url: z.url({ protocol: /^https?$/, error: "validation.relatedUrlInvalid" }).max(2048, "validation.relatedUrlInvalid"),
    title: z.string("validation.relatedTitleRequired").trim().min(1, "validation.relatedTitleRequired").max(200, "validation.relatedTitleRequired"),
  }),
], "validation.invalidValue");

export const SaveArticleInput = ArticleFields.extend({
  id,
  version,
  autosave: z.boolean("validation.invalidValue").default(false),
  /** Omitted: tags stay as they are. */
  tags: TagNames.optional(),
  related: z.array(RelatedLink, "validation.invalidValue").max(20, "validation.tooManyRelated").optional(),
});
export type SaveArticleInput = z.input<typeof SaveArticleInput>;

export const WorkflowInput = z.object({
  id,
  version,
  note: z.string("validation.invalidValue").trim().max(2000, "validation.noteTooLong").default(""),
});
export type WorkflowInput = z.input<typeof WorkflowInput>;

export const RequestChangesInput = WorkflowInput.extend({
  note: z
    .string("validation.noteRequired")
    .trim()
    .min(1, "validation.noteRequired")
    .max(2000, "validation.noteTooLong"),
});
export type RequestChangesInput = z.input<typeof RequestChangesInput>;
