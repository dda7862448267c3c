import "server-only";
import { randomBytes } from "node:crypto";
import { executor, type Ctx } from "../context";
import { userSessions } from "../schema";

/**
 * Records a new session at sign-in (called by Auth.js's authorize, after the password was
 * checked, or after single sign-on) and returns its id, which the session cookie carries from
 * then on. `secondFactorAtProvider`: the identity provider said it asked for a second factor.
 */
export async function startSession(
  input: { userId: number; userAgent?: string | null; address?: string | null; secondFactorAtProvider?: boolean },
  ctx?: Pick<Ctx, "tx">,
): Promise<string> {
  const db = await executor(ctx);
  const id = randomBytes(24).toString("base64url");
  await db.insert(userSessions).values({
    id,
    userId: input.userId,
    userAgent: (input.userAgent ?? "").slice(0, 300),
    address: input.address?.slice(0, 64) ?? null,
    secondFactorAtProvider: input.secondFactorAtProvider ?? false,
  });
  return id;
}
