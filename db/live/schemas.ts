import { z } from "zod";
import { measureJson } from "@/lib/content/body";

const id = z.coerce.number("validation.idInvalid").int("validation.idInvalid").positive("validation.idInvalid").max(2147483647, "validation.idInvalid");
const version = z.coerce.number("validation.versionInvalid").int("validation.versionInvalid").min(1, "validation.versionInvalid").max(2147483647, "validation.versionInvalid");
const flag = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")], "validation.invalidValue");

/** An entry is short: the same schema as an article body (checked by `parseBody`), a smaller size bound. */
const body = z.unknown().superRefine((value, ctx) => {
  const measure = measureJson(value, 200_000);
  if (measure !== "ok") ctx.addIssue({ code: "custom", message: measure === "tooLong" ? "validation.liveEntryTooLong" : "validation.bodyUnreadable" });
});
const title = z.string("validation.invalidValue").trim().max(200, "validation.liveEntryTitleTooLong").default("");

export const SetLiveBlogInput = z.object({
  articleId: id,
  /** "none": an ordinary article again (only while no entry was ever published). */
  state: z.enum(["live", "ended", "none"], "validation.invalidValue"),
});
export type SetLiveBlogInput = z.input<typeof SetLiveBlogInput>;

export const SetLivePublishersInput = z.object({
  articleId: id,
  userIds: z
    .array(id, "validation.invalidValue")
    .max(50, "validation.invalidValue")
    .transform((ids) => [...new Set(ids)]),
});
export type SetLivePublishersInput = z.input<typeof SetLivePublishersInput>;

export const CreateLiveEntryInput = z.object({ articleId: id, title, body });
export type CreateLiveEntryInput = z.input<typeof CreateLiveEntryInput>;

export const UpdateLiveEntryInput = z.object({ id, version, title, body });
export type UpdateLiveEntryInput = z.input<typeof UpdateLiveEntryInput>;

export const PublishLiveEntryInput = z.object({ id, version });
export type PublishLiveEntryInput = z.input<typeof PublishLiveEntryInput>;

export const SetLiveEntryFlagsInput = z.object({ id, pinned: flag.optional(), keyEvent: flag.optional() });
export type SetLiveEntryFlagsInput = z.input<typeof SetLiveEntryFlagsInput>;

export const DeleteLiveEntryInput = z.object({
  id,
  reason: z.string("validation.liveDeleteReasonRequired").trim().min(3, "validation.liveDeleteReasonRequired").max(300, "validation.liveDeleteReasonTooLong"),
});
export type DeleteLiveEntryInput = z.input<typeof DeleteLiveEntryInput>;
