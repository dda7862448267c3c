import "server-only";
import { eq } from "drizzle-orm";
import { NotFound } from "@/lib/errors";
import { assertCanEndSessionsOf } from "@/lib/permissions";
import { parseInput, withTransaction, type VerbArgs } from "../context";
import { userSessions } from "../schema";
import { announceAccessChange } from "../articles/collab-events";
import { EndSessionInput } from "./schemas";
import { audit } from "../audit/record";

/**
 * Ends one session (sign-out, or "sign out" beside it in the profile's session list): its row
 * goes, and its cookie opens nothing from then on, wherever it is presented.
 */
export async function endSession({ ctx, input }: VerbArgs<EndSessionInput>) {
  const { id } = parseInput(EndSessionInput, input);
  return withTransaction(ctx, async (tx) => {
    const [session] = await tx.select({ id: userSessions.id, userId: userSessions.userId }).from(userSessions).where(eq(userSessions.id, id)).for("update").limit(1);
    if (!session) throw new NotFound("errors.sessionNotFound");
    assertCanEndSessionsOf(ctx.viewer, session.userId);
    await tx.delete(userSessions).where(eq(userSessions.id, id));
    await announceAccessChange(tx, { userId: session.userId }); // its co-editing connections close at once
    // The session's id is a secret of its cookie: the log names whose session it was.
    await audit(tx, ctx, { action: "session.end", target: "user", id: session.userId, summary: { own: session.userId === ctx.viewer?.id } });
    return { userId: session.userId };
  });
}
