import "server-only";
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "@/lib/passwords";
import type { Role } from "@/lib/permissions";
import { slugify } from "@/lib/slug";
import { emailVerified, mappedRole, mfaAtProvider } from "@/lib/sso";
import { audit } from "../audit/record";
import { announceAccessChange } from "../articles/collab-events";
import { withTransaction, type Ctx } from "../context";
import { users } from "../schema";
import { getSecondFactorRoles } from "../settings/second-factor-roles";
import { hasSecondFactor } from "../second-factor/queries";
import { deleteSessionsOf } from "../sessions/end-all";
import { uniqueSlug } from "../slugs";
import type { SessionUser } from "./queries";
import { OidcSignInInput } from "./schemas";

/** Why the identity provider's word was not enough; the sign-in page says each in its own words. */
export type OidcRefusal = "invalid" | "unverified" | "inactive" | "unknown" | "no_role";

/**
 * What must still happen before a session exists:
 *  - "idp": nothing — the ID token's `amr` says the provider asked for a second factor itself;
 *  - "code": the account has a Copydesk second factor, and the provider did not say it asked
 *    for one: the sign-in form's code step follows, as after a password;
 *  - "enrol": the role requires a second factor the account lacks: a session that can only set
 *    one up (the same gate as after a password: proxy.ts, lib/permissions.ts);
 *  - "none": no second factor is required.
 */
export type OidcSecondFactor = "idp" | "code" | "enrol" | "none";

export type OidcSignInResult =
  | { status: "ok"; user: SessionUser; created: boolean; secondFactor: OidcSecondFactor }
  | { status: "refused"; reason: OidcRefusal };

/**
 * A person the identity provider vouches for, matched to a newsroom account by their
 * **verified** email address (an unverified one would let anyone who can name an address at
 * the provider take over that account). Unknown addresses get an account with the default role,
 * or are refused when there is none; with a groups mapping the role follows the provider's
 * groups at every sign-in. Account changes and the outcome are audited in one transaction.
 */
export async function signInWithOidc(input: OidcSignInInput, ctx?: Pick<Ctx, "tx">): Promise<OidcSignInResult> {
  const parsed = OidcSignInInput.safeParse(input);
  const address = parsed.success ? (parsed.data.address ?? null) : null;
  const anonymous = { viewer: null, address };
  return withTransaction({ viewer: null, tx: ctx?.tx }, async (tx) => {
    const refuse = async (reason: OidcRefusal, email: string | null, summary: Record<string, unknown> = {}) => {
      await audit(tx, anonymous, { action: "signin.failure", target: "account", id: email, summary: { via: "sso", reason, ...summary } });
      return { status: "refused", reason } as const;
    };
    if (!parsed.success || !parsed.data.claims.email) return refuse("invalid", null);
    const { claims, policy } = parsed.data;
    const email = claims.email!.toLowerCase();
    if (!emailVerified(claims)) return refuse("unverified", email);

    const mapped = mappedRole(claims, policy);
    // With a mapping, the provider's groups decide; a person in none of the mapped groups gets
    // the default role (or none). Without one, the role is Copydesk's own (users page).
    const mapping = Boolean(policy.groupsClaim && Object.keys(policy.roleMap).length);
    const fromProvider: Role | null = mapping ? (mapped ?? policy.defaultRole) : null;

    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).for("update").limit(1);
    let created = false;
    if (!user) {
      const role = mapping ? fromProvider : policy.defaultRole;
      if (!role) return refuse("unknown", email);
      const name = (claims.name?.trim() || claims.preferred_username?.trim() || email.split("@")[0]).slice(0, 120);
      // No password: the account signs in through the provider (an admin may set one later).
      const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
      const slug = await uniqueSlug(tx, users, users.slug, slugify(name) || "autor");
      // Two first sign-ins at once: the second finds the first's row instead of failing.
      const [row] = await tx.insert(users).values({ email, name, role, passwordHash, slug }).onConflictDoNothing().returning();
      if (row) {
        user = row;
        created = true;
        await audit(tx, anonymous, { action: "user.create", target: "user", id: row.id, summary: { email, name, role, via: "sso" } });
      } else {
        [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).for("update").limit(1);
      }
    }
    if (!user.active) return refuse("inactive", email);
    if (mapping && !fromProvider) return refuse("no_role", email);

    if (fromProvider && fromProvider !== user.role) {
      // The provider is the authority on roles once a mapping is set. As with an admin's role
      // change, the person's other sessions end, so the new role holds everywhere at once.
      const [row] = await tx
        .update(users)
        .set({ role: fromProvider, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: sql`now()` })
        .where(eq(users.id, user.id))
        .returning();
      const ended = await deleteSessionsOf(tx, user.id);
      await announceAccessChange(tx, { userId: user.id });
      await audit(tx, anonymous, { action: "user.role", target: "user", id: user.id, summary: { name: user.name, before: user.role, after: fromProvider, via: "sso", sessionsEnded: ended } });
      user = row;
    }

    const secondFactor: OidcSecondFactor = mfaAtProvider(claims, policy)
      ? "idp"
      : (await hasSecondFactor(user.id, { tx }))
        ? "code"
        : (await getSecondFactorRoles({ tx })).includes(user.role)
          ? "enrol"
          : "none";
    const sessionUser: SessionUser = { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
    await audit(tx, { viewer: { id: user.id, role: user.role, name: user.name }, address }, { action: "signin.success", target: "user", id: user.id, summary: { via: "sso", created, secondFactor } });
    return { status: "ok", user: sessionUser, created, secondFactor };
  });
}
