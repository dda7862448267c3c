import { z } from "zod";
import { COMMENT_NAME_MAX, COMMENT_TEXT_MAX, MODERATION_STATUS, normalizeCommentText, type ModerationAction } from "@/lib/comments";
import { commentStatus } from "../schema";

const id = z.coerce.number("validation.invalidValue").int("validation.invalidValue").positive("validation.invalidValue");

export const PostCommentInput = z.object({
  articleId: id,
  name: z
    .string("validation.commentNameRequired")
    .transform(normalizeCommentText)
    .pipe(z.string().trim().min(1, "validation.commentNameRequired").max(COMMENT_NAME_MAX, "validation.commentNameTooLong"))
    // A name is one line.
    .transform((name) => name.replace(/\s+/g, " ")),
  text: z
    .string("validation.commentTextRequired")
    .transform(normalizeCommentText)
    .pipe(z.string().trim().min(1, "validation.commentTextRequired").max(COMMENT_TEXT_MAX, "validation.commentTextTooLong")),
  /** The form's trap field: people never see it, so anything in it came from a bot. */
  website: z.string().optional().default(""),
  /** hashClientAddress() of the poster's address, made by the route; never the address itself. */
  clientHash: z.string().min(1).max(128),
});
export type PostCommentInput = z.input<typeof PostCommentInput>;

export const ModerateCommentsInput = z.object({
  ids: z
    .array(id, "validation.commentsNoneSelected")
    .min(1, "validation.commentsNoneSelected")
    .max(200, "validation.commentsTooMany")
    .transform((ids) => [...new Set(ids)]),
  action: z.enum(Object.keys(MODERATION_STATUS) as [ModerationAction, ...ModerationAction[]], "validation.invalidValue"),
});
export type ModerateCommentsInput = z.input<typeof ModerateCommentsInput>;

export const SetCommentsOpenInput = z.object({
  articleId: id,
  open: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], "validation.invalidValue"),
});
export type SetCommentsOpenInput = z.input<typeof SetCommentsOpenInput>;

export const CommentStatus = z.enum(commentStatus.enumValues);
export type CommentStatus = z.infer<typeof CommentStatus>;
