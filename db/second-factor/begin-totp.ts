import "server-only";
import { and, eq } from "drizzle-orm";
import { Conflict, Forbidden } from "@/lib/errors";
import { sealSecret } from "@/lib/second-factor/secret-box";
import { newTotpSecret, totpUri } from "@/lib/second-factor/totp";
import { withTransaction, type Ctx } from "../context";
import { userSecondFactors, users } from "../schema";
import { audit } from "../audit/record";

/**
 * Starts adding an authenticator app: a new secret, stored sealed and unconfirmed (sign-in does
 * not ask for it yet). Returned once, for the QR code and the text to type in; starting again
 * replaces an unconfirmed secret. Someone with an app already must remove it first.
 */
export async function beginTotpEnrolment({ ctx }: { ctx: Ctx }): Promise<{ secret: string; uri: string }> {
  const viewer = ctx.viewer;
  if (!viewer || viewer.id <= 0) throw new Forbidden("errors.signInFirst");
  return withTransaction(ctx, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, viewer.id)).limit(1);
    if (!user) throw new Forbidden("errors.signInFirst");
    const [existing] = await tx
      .select({ id: userSecondFactors.id, confirmedAt: userSecondFactors.confirmedAt })
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, viewer.id), eq(userSecondFactors.kind, "totp")))
      .for("update")
      .limit(1);
    if (existing?.confirmedAt) throw new Conflict("errors.totpAlreadyEnrolled");
    const secret = newTotpSecret();
    if (existing) await tx.update(userSecondFactors).set({ secret: sealSecret(secret), createdAt: new Date() }).where(eq(userSecondFactors.id, existing.id));
    else await tx.insert(userSecondFactors).values({ userId: viewer.id, kind: "totp", secret: sealSecret(secret) });
    await audit(tx, ctx, { action: "second_factor.enrol_start", target: "user", id: viewer.id, summary: { kind: "totp" } });
    return { secret, uri: totpUri(secret, user.email) };
  });
}
