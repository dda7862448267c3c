import { z } from "zod";
import { queryText } from "../context";

const id = z.coerce.number("validation.mediaUnknown").int("validation.mediaUnknown").positive("validation.mediaUnknown").max(2147483647, "validation.mediaUnknown");
const shortText = (max: number, tooLong: string) => z.string("validation.invalidValue").trim().max(max, tooLong).default("");

/** Caption, credit and alt text a library image brings along when it is placed. */
export const MediaDefaults = z.object({
  caption: shortText(500, "validation.captionTooLong"),
  credit: shortText(200, "validation.creditTooLong"),
  alt: shortText(500, "validation.altTooLong"),
});

/**
 * The filename is only shown and searched, never used as a storage key: keep its last path
 * segment (browsers may send `C:\fakepath\…`), without control characters, at most 200 characters.
 */
const filename = z
  .string("validation.mediaFilename")
  .transform((name) =>
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, 200),
  )
  .pipe(z.string().min(1, "validation.mediaFilename"));

export const UploadMediaInput = MediaDefaults.extend({
  filename,
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, "validation.mediaNoFile"),
});
export type UploadMediaInput = z.input<typeof UploadMediaInput>;

export const UpdateMediaDefaultsInput = MediaDefaults.extend({ id });
export type UpdateMediaDefaultsInput = z.input<typeof UpdateMediaDefaultsInput>;

export const ListMediaInput = z.object({
  q: z.string().transform(queryText).pipe(z.string().trim().max(200)).catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListMediaInput = z.input<typeof ListMediaInput>;

export const DeleteMediaInput = z.object({ id });
export type DeleteMediaInput = z.input<typeof DeleteMediaInput>;
