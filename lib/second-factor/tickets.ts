// Signed, short-lived statements the sign-in passes between its steps:
//  - "pending": the password was right and a second factor is due (an httpOnly cookie in the
//    browser for the code step; worth nothing without a code);
//  - "complete": every factor passed — the only thing the credentials provider turns into a
//    session when it comes from the sign-in form (app/auth.ts). It never leaves the server.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const PENDING_COOKIE = "copydesk-second-factor";
export const PENDING_SECONDS = 10 * 60;
const COMPLETE_SECONDS = 60;

export type TicketStage = "pending" | "complete";
export type Ticket = { stage: TicketStage; userId: number; sessionVersion: number; email: string; expires: number };

function sign(payload: string, secret: string): string {
  return createHmac("sha256", secret).update(`copydesk.sign-in-ticket:${payload}`).digest("base64url");
}

export function issueTicket(stage: TicketStage, user: { id: number; sessionVersion: number; email: string }, secret: string, now = Date.now()): string {
  if (!secret) throw new Error("AUTH_SECRET is not set");
  const expires = Math.floor(now / 1000) + (stage === "pending" ? PENDING_SECONDS : COMPLETE_SECONDS);
  const body = Buffer.from(JSON.stringify({ s: stage, u: user.id, v: user.sessionVersion, e: user.email, x: expires, n: randomBytes(8).toString("base64url") })).toString("base64url");
  return `${body}.${sign(body, secret)}`;
}

/** The ticket if it is ours, of the stage asked for, and not expired; else null. */
export function readTicket(value: unknown, stage: TicketStage, secret: string, now = Date.now()): Ticket | null {
  if (typeof value !== "string" || !secret || value.length > 1024) return null;
  const [body, signature, extra] = value.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(body, "base64url").toString()) as { s?: unknown; u?: unknown; v?: unknown; e?: unknown; x?: unknown };
    if (data.s !== stage || typeof data.u !== "number" || typeof data.v !== "number" || typeof data.e !== "string" || typeof data.x !== "number") return null;
    if (data.x * 1000 < now) return null;
    return { stage, userId: data.u, sessionVersion: data.v, email: data.e, expires: data.x };
  } catch {
    return null;
  }
}
