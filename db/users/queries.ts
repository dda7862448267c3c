import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { assertCan, type Role, type Viewer } from "@/lib/permissions";
import { imageSources, type MediaItem } from "@/lib/media/urls";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { media, users } from "../schema";
import { executor, isSlug, type Ctx } from "../context";
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

/** The account a finished sign-in names (by id and the session version it started with), if still active. */
export async function getSessionUser(id: number, sessionVersion: number, ctx?: Pick<Ctx, "tx">): Promise<SessionUser | null> {
  const db = await executor(ctx);
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.id, id), eq(users.sessionVersion, sessionVersion), eq(users.active, true)))
    .limit(1);
  return user ?? null;
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

/** A byline's public profile (author pages), with the photo's sources when there is one. */
export async function getAuthorBySlug(slug: string, ctx?: Pick<Ctx, "tx">) {
  if (!isSlug(slug)) return null; // from the URL: "%00" must not reach the database
  const db = await executor(ctx);
  const [row] = await db
    .select({ name: users.name, slug: users.slug, bio: users.bio, photo: { variants: media.variants, alt: media.alt, width: media.width, height: media.height } })
    .from(users)
    .leftJoin(media, eq(media.id, users.avatarMediaId))
    .where(eq(users.slug, slug))
    .limit(1);
  if (!row) return null;
  const { photo, ...author } = row;
  return { ...author, photo: photo?.variants?.length ? { ...imageSources(photo.variants, 480), alt: photo.alt, width: photo.width, height: photo.height } : null };
}

export type UserListItem = { id: number; name: string; email: string; role: Role; active: boolean; slug: string };

/** Every account, for the admin's user page (admins only). */
export async function listUsers(ctx: Ctx): Promise<UserListItem[]> {
  assertCan(ctx.viewer, "user.manage");
  const db = await executor(ctx);
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, slug: users.slug })
    .from(users)
    .orderBy(sql`${users.active} desc`, asc(sql`lower(${users.name})`), asc(users.id));
}

export type OwnProfile = { name: string; email: string; bio: string; slug: string; photo: MediaItem | null };

/** What the profile page shows the signed-in person about themselves. */
export async function getOwnProfile(userId: number, ctx?: Pick<Ctx, "tx">): Promise<OwnProfile | null> {
  const db = await executor(ctx);
  const [row] = await db
    .select({ user: { name: users.name, email: users.email, bio: users.bio, slug: users.slug }, photo: media })
    .from(users)
    .leftJoin(media, eq(media.id, users.avatarMediaId))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) return null;
  const photo = row.photo
    ? { id: row.photo.id, ...imageSources(row.photo.variants, 480), width: row.photo.width, height: row.photo.height, filename: row.photo.filename, caption: row.photo.caption, credit: row.photo.credit, alt: row.photo.alt }
    : null;
  return { ...row.user, photo };
}

export async function countUsers(ctx?: Pick<Ctx, "tx">): Promise<number> {
  const db = await executor(ctx);
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}

/** An active newsroom user by id (live re-decisions of co-editing connections), or null. */
export async function getViewerById(id: number, ctx?: Pick<Ctx, "tx">): Promise<Viewer | null> {
  const db = await executor(ctx);
  const [user] = await db
    .select({ id: users.id, name: users.name, role: users.role, locale: users.locale })
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  return user ?? null;
}
