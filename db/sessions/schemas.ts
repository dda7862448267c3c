import { z } from "zod";

export const EndSessionInput = z.object({ id: z.string("errors.sessionNotFound").min(1, "errors.sessionNotFound").max(100, "errors.sessionNotFound") });
export type EndSessionInput = z.input<typeof EndSessionInput>;

/** Every session of `userId` (default: the viewer's own), except `keepId` if given. */
export const EndAllSessionsInput = z.object({
  userId: z.number("errors.userNotFound").int("errors.userNotFound").positive("errors.userNotFound").optional(),
  keepId: z.string().max(100).optional(),
});
export type EndAllSessionsInput = z.input<typeof EndAllSessionsInput>;
