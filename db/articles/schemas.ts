import { z } from "zod";
import { measureJson } from "@/lib/content/body";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "@/lib/slug";
import { articleLanguage } from "../schema";

const id = z.coerce.number("validation.idInvalid").int("validation.idInvalid").positive("validation.idInvalid").max(2147483647, "validation.idInvalid");
const version = z.coerce.number("validation.versionInvalid").int("validation.versionInvalid").min(1, "validation.versionInvalid").max(2147483647, "validation.versionInvalid");

const BODY_MESSAGES = { tooDeep: "validation.bodyTooDeep", tooLong: "validation.bodyTooLong", unreadable: "validation.bodyUnreadable" } as const;

/** The body is checked against the TipTap schema by `parseBody`; here only its size and nesting. */
const body = z.unknown().superRefine((value, ctx) => {
  const measure = measureJson(value, 2_000_000);
  if (measure !== "ok") ctx.addIssue({ code: "custom", message: BODY_MESSAGES[measure] });
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

const shortText = (max: number, tooLong: string) => z.string("validation.invalidValue").trim().max(max, tooLong);

/** Everything a journalist writes about an article besides the body text. */
const ArticleWrite = ArticleFields.extend({
  /** Omitted: the slug follows the headline until first publication (or stays, if set by hand). */
  slug: z
    .string("validation.slugInvalid")
    .trim()
    .min(1, "validation.slugInvalid")
    .max(SLUG_MAX_LENGTH, "validation.slugTooLong")
    .regex(SLUG_PATTERN, "validation.slugInvalid")
    .optional(),
  seoTitle: shortText(200, "validation.seoTitleTooLong").default(""),
  seoDescription: shortText(400, "validation.seoDescriptionTooLong").default(""),
  /** Bylines in order; omitted: they stay as they are. */
  authorIds: z
    .array(id, "validation.invalidValue")
    .min(1, "validation.bylineRequired")
    .max(10, "validation.tooManyBylines")
    .refine((ids) => new Set(ids).size === ids.length, "validation.bylineTwice")
    .optional(),
  leadImageId: id.nullable().default(null),
  leadCaption: shortText(500, "validation.captionTooLong").default(""),
  leadCredit: shortText(200, "validation.creditTooLong").default(""),
  leadAlt: shortText(500, "validation.altTooLong").default(""),
  /** Omitted: tags stay as they are. */
  tags: TagNames.optional(),
  related: z.array(RelatedLink, "validation.invalidValue").max(20, "validation.tooManyRelated").optional(),
});

/** A photo is published only with its credit and a text alternative. */
function leadImageRule(data: z.output<typeof ArticleWrite>, issue: z.core.$RefinementCtx) {
  if (data.leadImageId === null) return;
  if (!data.leadCredit) issue.addIssue({ code: "custom", path: ["leadCredit"], message: "validation.creditRequired" });
  if (!data.leadAlt) issue.addIssue({ code: "custom", path: ["leadAlt"], message: "validation.altRequired" });
}

/**
 * A new draft: nothing is required yet (it exists on the server from its first keystroke). No
 * headline or section, an image without credit: stored, and blocking submit and publish only
 * (`ReadyArticle`). What is there must still be well-formed: a known section, a valid body.
 */
export const CreateArticleInput = ArticleWrite.extend({
  headline: z.string("validation.invalidValue").trim().max(200, "validation.headlineTooLong").default(""),
  sectionId: z.preprocess((v) => (v === "" || v === 0 || v === "0" || v === undefined ? null : v), ArticleFields.shape.sectionId.nullable()),
  language: ArticleFields.shape.language.default("de"),
});
export type CreateArticleInput = z.input<typeof CreateArticleInput>;

export const SaveArticleInput = ArticleWrite.extend({
  id,
  version,
  autosave: z.boolean("validation.invalidValue").default(false),
}).superRefine(leadImageRule);
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

export const PublishInput = WorkflowInput.extend({
  /** A public note published with an update; empty text: none. */
  correctionKind: z.enum(["correction", "update"], "validation.invalidValue").default("correction"),
  correctionText: z.string("validation.invalidValue").trim().max(1000, "validation.correctionTooLong").default(""),
});
export type PublishInput = z.input<typeof PublishInput>;

export const ScheduleInput = WorkflowInput.extend({
  /** The newsroom's wall clock, as a datetime-local input sends it: "2026-11-24T14:30" (seconds optional: "…T14:30:15"). */
  at: z.string("validation.scheduleInvalid").regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, "validation.scheduleInvalid"),
});
export type ScheduleInput = z.input<typeof ScheduleInput>;

/**
 * What an article must have before it goes to the editors or to readers — the rules a draft may
 * still break (no headline, no section, an image without credit…): saving never waits for them.
 */
export const ReadyArticle = ArticleWrite.superRefine(leadImageRule);

/**
 * The co-edited working copy as the collaboration server derives it from the document. Only
 * types and hard size limits here: a draft is stored however incomplete it is; what it lacks is
 * reported (`ReadyArticle`) and blocks submit and publish.
 */
export const DraftCopy = z.object({
  headline: z.string().max(5000),
  standfirst: z.string().max(20_000),
  seoTitle: z.string().max(5000),
  seoDescription: z.string().max(20_000),
  slug: z.string().max(5000),
  leadCaption: z.string().max(20_000),
  leadCredit: z.string().max(5000),
  leadAlt: z.string().max(20_000),
  sectionId: id.nullable(),
  language: z.enum(articleLanguage.enumValues),
  leadImageId: id.nullable(),
  authorIds: z.array(id).max(100),
  tags: z.array(z.string().max(5000)).max(200),
  related: z.array(z.union([z.object({ articleId: id, title: z.string().max(5000) }), z.object({ url: z.string().max(5000), title: z.string().max(5000) })])).max(200),
  body,
});
export type DraftCopy = z.output<typeof DraftCopy>;
