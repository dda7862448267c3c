import { z } from "zod";

/** A front's path: "/" (home page) or "/{section}". */
export const FrontPath = z
  .string("validation.invalidValue")
  .max(80, "validation.invalidValue")
  .regex(/^\/([a-z0-9]+(-[a-z0-9]+)*)?$/, "validation.invalidValue");

export const SlotName = z.string("validation.invalidValue").max(120, "validation.invalidValue").regex(/^[a-z0-9-]+$/, "validation.invalidValue");

export const PlaceArticleInput = z.object({
  front: FrontPath,
  slot: SlotName,
  /** The article's number, short link or address, as the editor typed or picked it. */
  article: z.union([z.number().int().positive(), z.string().trim().min(1, "validation.frontArticleRequired").max(500, "validation.frontArticleUnknown")], "validation.frontArticleRequired"),
});
export type PlaceArticleInput = z.input<typeof PlaceArticleInput>;

export const ClearSlotInput = z.object({ front: FrontPath, slot: SlotName });
export type ClearSlotInput = z.input<typeof ClearSlotInput>;
