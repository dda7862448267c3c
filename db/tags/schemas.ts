import { z } from "zod";
import { queryText } from "../context";

const id = (message: string) => z.coerce.number(message).int(message).positive(message).max(2147483647, message);

/** A tag's display name: trimmed, inner whitespace collapsed, as the article editor stores it. */
const tagName = z
  .string("validation.tagNameRequired")
  .transform((name) => name.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "validation.tagNameRequired").max(60, "validation.tagNameTooLong"));

export const CreateTagInput = z.object({ name: tagName });
export type CreateTagInput = z.input<typeof CreateTagInput>;

export const RenameTagInput = z.object({ id: id("errors.tagNotFound"), name: tagName });
export type RenameTagInput = z.input<typeof RenameTagInput>;

export const MergeTagsInput = z.object({ sourceId: id("errors.tagNotFound"), targetId: id("validation.mergeTargetRequired") });
export type MergeTagsInput = z.input<typeof MergeTagsInput>;

export const DeleteTagInput = z.object({ id: id("errors.tagNotFound") });
export type DeleteTagInput = z.input<typeof DeleteTagInput>;

export const ListTagsInput = z.object({
  q: z.string().transform(queryText).pipe(z.string().trim().max(100)).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListTagsInput = z.input<typeof ListTagsInput>;
