import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Role, Viewer } from "@/lib/permissions";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { users } from "../schema";
import { executor, type Ctx } from "../context";
import { SignInInput } from "./schemas";

export type SessionUser = { id: number; name: string; email: string; role: Role; sessionVersion: number };

// A real hash to verify against when the email is unknown, so a wrong email and a wrong
// password take the same time (no account enumeration by timing).
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(input: unknown, ctx?: Pick<Ctx, "tx">): Promise<SessionUser | null> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return null;
  const db = await executor(ctx);
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email))
    .limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await (dummyHash ??= hashPassword(randomUUID()))), parsed.data.password);
  if (!user || !ok || !user.active) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * Re-reads the signed-in user on every request that needs one, so that deactivation,
 * a role change or a password reset (each bumps session_version) takes effect at once.
 */
export async function loadViewer(id: number, sessionVersion: number, ctx?: Pick<Ctx, "tx">): Promise<Viewer | null> {
  const db = await executor(ctx);
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}

export async function listNewsroomUsers(ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  return db
    .select({ id: users.id, name: users.name, role: users.role, slug: users.slug })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

/** A byline's public profile (author pages). */
export async function getAuthorBySlug(slug: string, ctx?: Pick<Ctx, "tx">) {
  const db = await executor(ctx);
  const [row] = await db.select({ name: users.name, slug: users.slug, bio: users.bio }).from(users).where(eq(users.slug, slug)).limit(1);
  return row ?? null;
}

export async function countUsers(ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}
